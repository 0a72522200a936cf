import { describe, expect, it } from "vitest";

import { defaultLimits, sandboxLimitsSchema } from "../config/limits";
import { gradeSubmission } from "../grade-submission";
import { findGraderImage } from "../image/ensure-image";
import { countRemaining, listPoolContainers, recordContainers } from "../testing/containers";
import { exerciseDir, fixtureFiles } from "../testing/fixtures";
import { createDockerClient } from "./client";
import { createContainerPool } from "./container-pool";

const docker = createDockerClient();

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("container pool", () => {
  it("hands each ready container to one grading only, removes it after, and starts a replacement", async () => {
    const pool = createContainerPool({ docker, image: await findGraderImage(docker), limits: defaultLimits, size: 1, modes: ["process"] });
    try {
      await pool.whenFilled();
      expect(pool.countReady("process")).toBe(1);
      const [spare] = await listPoolContainers(docker, pool.id);
      const files = await fixtureFiles("exercises/hello-process/solution");
      const gradings = [recordContainers(pool), recordContainers(pool)];
      for (const recorded of gradings) {
        const report = await gradeSubmission({ exerciseDir: exerciseDir("hello-process"), files, containers: recorded.containers });
        expect(report.status).toBe("passed");
        expect(report.score).toBe(report.maxScore);
      }
      const [first, second] = gradings.map((g) => g.ids);
      expect(first).toEqual([spare]);
      expect(second).toHaveLength(1);
      expect(second).not.toEqual(first);
      expect(await countRemaining(docker, [...first!, ...second!])).toBe(0);
      await waitFor(async () => pool.countReady("process") === 1, 30_000);
    } finally {
      await pool.close();
    }
  });

  it("keeps the job's deadline from go, not from the container's start", async () => {
    const pool = createContainerPool({ docker, image: await findGraderImage(docker), limits: defaultLimits, size: 1, modes: ["process"] });
    try {
      await pool.whenFilled();
      // Ready 6 s before the job, past the exercise's 5 s limit: a deadline counted from the start would end it.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const report = await gradeSubmission({
        exerciseDir: exerciseDir("hello-quick"),
        files: await fixtureFiles("exercises/hello-process/solution"),
        containers: pool,
      });
      expect(report.limits.timedOut).toBe(false);
      expect(report.status).toBe("passed");
    } finally {
      await pool.close();
    }
  });

  it("pools another run mode from its first use, and a grading waits for a container when none is ready", async () => {
    const pool = createContainerPool({ docker, image: await findGraderImage(docker), limits: defaultLimits, size: 0, modes: [] });
    try {
      const report = await gradeSubmission({
        exerciseDir: exerciseDir("slugify-in-process"),
        files: await fixtureFiles("exercises/slugify-in-process/solution"),
        containers: pool,
      });
      expect(report.status).toBe("passed");
      expect(pool.countReady("in-process")).toBe(0);
    } finally {
      await pool.close();
    }
    expect(await listPoolContainers(docker, pool.id)).toEqual([]);
  });

  it("replaces a spare left unused for poolIdleSeconds, and removes every container on close", async () => {
    const limits = sandboxLimitsSchema.parse({ poolIdleSeconds: 5 });
    const pool = createContainerPool({ docker, image: await findGraderImage(docker), limits, size: 1, modes: ["process"] });
    await pool.whenFilled();
    const [spare] = await listPoolContainers(docker, pool.id);
    await waitFor(async () => {
      const current = await listPoolContainers(docker, pool.id);
      return !current.includes(spare!) && pool.countReady("process") === 1;
    }, 30_000);
    await pool.close();
    expect(await listPoolContainers(docker, pool.id)).toEqual([]);
    await expect(pool.acquire("process")).rejects.toThrow(/closed/);
  });
});
