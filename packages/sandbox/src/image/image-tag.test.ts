import { describe, expect, it } from "vitest";

import { computeGraderImageTag } from "./image-tag";

describe("computeGraderImageTag", () => {
  it("is academy-grader:<12 hex> and stable", async () => {
    const tag = await computeGraderImageTag();
    expect(tag).toMatch(/^academy-grader:[0-9a-f]{12}$/);
    expect(await computeGraderImageTag()).toBe(tag);
  });
});
