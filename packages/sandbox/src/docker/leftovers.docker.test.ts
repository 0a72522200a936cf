import { describe, expect, it } from "vitest";

import { computeGraderImageTag } from "../image/image-tag";
import { countGradingContainers } from "../testing/containers";
import { createDockerClient } from "./client";
import { removeLeftoverContainers } from "./leftovers";
import { GRADER_LABEL, GRADING_ID_LABEL } from "./labels";

describe("removeLeftoverContainers", () => {
  it("removes labelled containers left behind, and spares recent ones by default", async () => {
    const docker = createDockerClient();
    const gradingId = `leftover-${Date.now()}`;
    await docker.createContainer({
      Image: await computeGraderImageTag(),
      Cmd: ["true"],
      Labels: { [GRADER_LABEL]: "1", [GRADING_ID_LABEL]: gradingId },
      Volumes: { "/grader": {} },
    });
    expect(await removeLeftoverContainers({ docker, gradingId })).toBe(0);
    expect(await countGradingContainers(docker, gradingId)).toBe(1);
    expect(await removeLeftoverContainers({ docker, gradingId, olderThanMs: 0 })).toBe(1);
    expect(await countGradingContainers(docker, gradingId)).toBe(0);
  });

  it("removes a stopped container once it has been stopped for exitedForMs, whatever its age", async () => {
    const docker = createDockerClient();
    const gradingId = `leftover-stopped-${Date.now()}`;
    const container = await docker.createContainer({
      Image: await computeGraderImageTag(),
      Cmd: ["true"],
      Labels: { [GRADER_LABEL]: "1", [GRADING_ID_LABEL]: gradingId },
    });
    await container.start();
    await container.wait();
    expect(await removeLeftoverContainers({ docker, gradingId })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await removeLeftoverContainers({ docker, gradingId, exitedForMs: 1_000 })).toBe(1);
    expect(await countGradingContainers(docker, gradingId)).toBe(0);
  });
});
