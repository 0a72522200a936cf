import { describe, expect, it } from "vitest";

import { findGraderImage } from "../image/ensure-image";
import { countGradingContainers } from "../testing/containers";
import { createDockerClient } from "./client";
import { GRADING_ID_LABEL } from "./labels";
import { assertSeccompEnforced, describeSeccompProblem, probeSeccomp } from "./seccomp-check";

const docker = createDockerClient();

describe("the seccomp check, on this machine's engine", () => {
  it("passes: grading containers run under the grading profile", async () => {
    await expect(assertSeccompEnforced(docker, await findGraderImage(docker))).resolves.toBeUndefined();
  });

  it("sees the profile at work in a probe, and its absence in an unconfined one; no container is left", async () => {
    const image = await findGraderImage(docker);
    const gradingId = `seccomp-probe-${Date.now()}`;
    const labels = { [GRADING_ID_LABEL]: gradingId };
    const confined = await probeSeccomp(docker, image, { labels });
    expect(confined).toEqual({ mode: 2, unshareErrno: 1 });
    const unconfined = await probeSeccomp(docker, image, { labels, securityOpt: ["no-new-privileges", "seccomp=unconfined"] });
    expect(unconfined).toEqual({ mode: 0, unshareErrno: 0 });
    expect(describeSeccompProblem(unconfined)).toMatch(/seccomp mode 0/);
    expect(await countGradingContainers(docker, gradingId)).toBe(0);
  });
});
