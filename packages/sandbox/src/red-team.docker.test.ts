import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadExercise } from "@academy/exercises";
import { defaultLimits } from "./config/limits";
import { createDockerClient } from "./docker/client";
import { createContainerPool, type ContainerPool } from "./docker/container-pool";
import { SubmissionRejectedError } from "./errors";
import { gradeSubmission } from "./grade-submission";
import { gradingReportSchema } from "./report/schema";
import { readSubmissionDir } from "./submission/read-submission-dir";
import { findGraderImage } from "./image/ensure-image";
import { countGradingContainers, countRemaining, listPoolContainers, recordContainers } from "./testing/containers";
import { exerciseDir, fixtureFiles } from "./testing/fixtures";
import { containedCases, rejectedCases } from "./testing/red-team-cases";

const docker = createDockerClient();
const SOURCE_ONLY_MARKER = "source-only-marker-91c2";
const BENIGN: Record<string, [string, string]> = {
  "hello-quick": ["hello-process", "exercises/hello-process/solution"],
  "hello-process": ["hello-process", "exercises/hello-process/solution"],
  "permissive-process": ["hello-process", "exercises/hello-process/solution"],
  "permissive-in-process": ["slugify-in-process", "exercises/slugify-in-process/solution"],
  "slugify-in-process": ["slugify-in-process", "exercises/slugify-in-process/solution"],
  "notes-write-tests": ["notes-write-tests", "exercises/notes-write-tests/solution"],
};

// The grader service's path: ready containers from a pool, started while other gradings run.
let pool: ContainerPool;

beforeAll(async () => {
  pool = createContainerPool({ docker, image: await findGraderImage(docker), limits: defaultLimits, size: 2, modes: ["process"] });
  await pool.whenFilled();
});

afterAll(async () => {
  await pool.close();
  expect(await listPoolContainers(docker, pool.id)).toEqual([]);
});

/** A benign submission graded right after, in a container that was started before or during the attack. */
async function gradeBenignAfter(exercise: string) {
  const [benignExercise, benignFiles] = BENIGN[exercise] ?? ["hello-process", "exercises/hello-process/solution"];
  const recorded = recordContainers(pool);
  const report = await gradeSubmission({ exerciseDir: exerciseDir(benignExercise), files: await fixtureFiles(benignFiles), containers: recorded.containers });
  expect(report.status).toBe("passed");
  expect(report.score).toBe(report.maxScore);
  expect(await countRemaining(docker, recorded.ids)).toBe(0);
}

describe.concurrent("red team: hostile submissions are contained", () => {
  it.each(containedCases)("$name: $attack", async (testCase) => {
    const recorded = recordContainers(pool);
    const report = await gradeSubmission({
      exerciseDir: exerciseDir(testCase.exercise),
      files: testCase.files ? await testCase.files() : await fixtureFiles(`red-team/${testCase.name}`),
      containers: recorded.containers,
    });
    expect(gradingReportSchema.parse(report)).toEqual(report);
    expect(testCase.statuses).toContain(report.status);
    expect(report.tests.filter((t) => t.visibility === "hidden" && t.status === "passed")).toEqual([]);
    expect(JSON.stringify(report)).not.toContain(SOURCE_ONLY_MARKER);
    for (const expected of testCase.outputHas ?? []) expect(report.output).toMatch(expected);
    for (const unexpected of testCase.outputLacks ?? []) expect(report.output).not.toMatch(unexpected);
    testCase.check?.(report);
    // The run ends within the exercise's limit plus the kill grace (and slack for container start/removal on a busy host).
    const { config } = await loadExercise(exerciseDir(testCase.exercise));
    const limitSeconds = config.timeoutSeconds + defaultLimits.killGraceSeconds;
    const containers = testCase.exercise === "notes-write-tests" ? 4 : 1; // app/ + 3 mutants, one container each
    expect(report.timing.containerMs).toBeLessThan((limitSeconds + 5) * 1000 * containers);
    expect(recorded.ids).toHaveLength(containers);
    expect(await countRemaining(docker, recorded.ids)).toBe(0);
    await gradeBenignAfter(testCase.exercise);
  });
});

describe.concurrent("red team: hostile input is rejected before any container exists", () => {
  it.each(rejectedCases)("$name: $attack", async ({ files, reason }) => {
    const gradingId = `red-team-rejected-${Date.now()}-${Math.random()}`;
    const grading = gradeSubmission({ exerciseDir: exerciseDir("hello-process"), files, docker, gradingId });
    await expect(grading).rejects.toThrow(SubmissionRejectedError);
    await expect(grading).rejects.toThrow(reason);
    expect(await countGradingContainers(docker, gradingId)).toBe(0);
  });

  it("symlink-in-submission: refuses a symbolic link instead of following it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "submission-"));
    try {
      await writeFile(path.join(dir, "helper.py"), "x = 1\n");
      await symlink("/etc/passwd", path.join(dir, "main.py"));
      await expect(readSubmissionDir(dir, 20)).rejects.toThrow(/main.py is a symbolic link/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
