import { describe, expect, it } from "vitest";

import { createDockerClient } from "../docker/client";
import { ensureGraderImage, findGraderImage } from "./ensure-image";
import { computeGraderImageTag } from "./image-tag";

describe("ensureGraderImage", () => {
  it("is idempotent and fast when the image is present", async () => {
    const docker = createDockerClient();
    const startedAt = performance.now();
    const tag = await ensureGraderImage({ docker });
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(tag).toBe(await computeGraderImageTag());
    expect(await findGraderImage(docker)).toBe(tag);
  });
});
