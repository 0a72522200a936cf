import Docker from "dockerode";
import { describe, expect, it } from "vitest";

import { GradingUnavailableError } from "../errors";
import { assertDockerEngine } from "./client";

describe("assertDockerEngine", () => {
  it("fails with one clear line when no engine answers", async () => {
    const error = await assertDockerEngine(new Docker({ socketPath: "/nonexistent/docker.sock" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GradingUnavailableError);
    expect((error as Error).message).toMatch(/^no Docker engine at .*ENOENT/);
    expect((error as Error).message).not.toContain("\n");
  });
});
