import { readFile } from "node:fs/promises";
import path from "node:path";

import { createCaller, createContextInner, toSessionUser } from "@academy/api";
import { eq, schema } from "@academy/db";
import { seedUser } from "@academy/db/testing";
import { createDockerClient } from "@academy/sandbox";
import { createSubmission } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { STUCK_SUBMISSION_MESSAGE } from "./sweep-stuck-submissions";
import { fixtureExercisesDir, removeKilledGradersContainers, spawnGrader, waitFor } from "./testing/grader-process";
import { controlHeldGradings } from "./testing/held-gradings";
import { openGradingDb, readJobs, readSubmission, waitForFinal, type GradingDb } from "./testing/submission-state";

// Short settings so a dead worker's job ends in seconds; the same formula holds for the defaults (README).
const EXPIRE_SECONDS = 8;
const MAINTENANCE_SECONDS = 1;
// Room for the statements and timers themselves, on a machine twice as slow as this one.
const SLACK_SECONDS = 3;

describe("what a grading ends in, with real grader processes", () => {
  // Jobs expire after the default 180 s here (the sender sets it): a grading slowed by a busy machine is never tried twice.
  let testDb: GradingDb;
  const startedAt = Date.now();
  const holds = controlHeldGradings(createDockerClient());

  beforeAll(async () => {
    testDb = await openGradingDb();
  });
  afterAll(async () => {
    await removeKilledGradersContainers(startedAt);
    await testDb?.close();
  });

  const startGrader = (target: GradingDb) =>
    spawnGrader(target.url, { GRADER_JOB_EXPIRE_SECONDS: String(EXPIRE_SECONDS), GRADER_MAINTENANCE_SECONDS: String(MAINTENANCE_SECONDS) });
  const stopGrader = async (grader: ReturnType<typeof spawnGrader>) => {
    grader.child.kill("SIGTERM");
    expect(await grader.exited, grader.output()).toBe(0);
  };
  const submitFixture = async (target: GradingDb, userId: string, exerciseId: string, folder: "starter" | "solution") => {
    const content = await readFile(path.join(fixtureExercisesDir, exerciseId, folder, "main.py"), "utf8");
    return createSubmission(target.db, target.ports, { userId, exerciseId, mode: "submit", files: [{ name: "main.py", content }] });
  };
  const waitForEnd = (target: GradingDb, id: string, grader: ReturnType<typeof spawnGrader>) => waitForFinal(target.db, id, 90_000, grader.output);

  it("stores a partial grade of 6.67 of 10, lists it and sums it", async () => {
    const learner = await seedUser(testDb.db);
    const grader = startGrader(testDb);
    try {
      const submission = await submitFixture(testDb, learner.id, "greeting-in-thirds", "starter");
      const graded = await waitForEnd(testDb, submission.id, grader);
      expect(graded, grader.output()).toMatchObject({ status: "failed", score: 6.67, maxScore: 10 });
      const results = await testDb.db.select().from(schema.testResult).where(eq(schema.testResult.submissionId, submission.id));
      expect(results.map((r) => r.status).sort()).toEqual(["failed", "passed", "passed"]);

      const caller = createCaller(createContextInner({ db: testDb.db, grading: null, user: toSessionUser(learner) }));
      expect(await caller.submission.list({})).toEqual([expect.objectContaining({ id: submission.id, score: 6.67, maxScore: 10 })]);
      expect((await caller.exercise.list()).find((e) => e.id === "greeting-in-thirds")).toMatchObject({ bestScore: 6.67, status: "attempted" });
      expect((await caller.exercise.progress()).totals.pointsEarned).toBe(6.67);
    } finally {
      await stopGrader(grader);
    }
  });

  it("stores a result the database refuses as an error at once, without retrying it", async () => {
    const learner = await seedUser(testDb.db);
    const grader = startGrader(testDb);
    try {
      const submission = await submitFixture(testDb, learner.id, "oversized-points", "solution");
      const ended = await waitForEnd(testDb, submission.id, grader);
      expect(ended.status, grader.output()).toBe("error");
      expect(ended.errorMessage).toMatch(/could not be saved.*not in your code/);
      const jobs = await waitFor(async () => {
        const rows = await readJobs(testDb.db, submission.id);
        return rows[0]?.state === "completed" ? rows : undefined;
      }, 30_000, "the job to be completed");
      expect(jobs).toEqual([{ state: "completed", retry_count: 0, retry_limit: 3 }]);
      expect(grader.output().match(/no retry mends/g)).toHaveLength(1);
    } finally {
      await stopGrader(grader);
    }
  });

  it("ends a submission whose worker is SIGKILLed during its last try as an error within the bound, and takes the next one", async () => {
    // Here jobs expire after EXPIRE_SECONDS, so the killed worker's job ends in seconds.
    const quick = await openGradingDb(EXPIRE_SECONDS);
    const readStatus = async (id: string) => (await readSubmission(quick.db, id)).status;
    const learner = await seedUser(quick.db);
    const submission = await submitFixture(quick, learner.id, "slow-greeting", "solution");
    // The three earlier tries are spent, as if three workers had died on this job: this try is the last.
    await quick.db.$client.query("update pgboss.job set retry_count = retry_limit where data->>'submissionId' = $1", [submission.id]);

    const doomed = startGrader(quick);
    await waitFor(async () => (await readStatus(submission.id)) === "running", 60_000, "the first worker to start grading");
    await holds.waitUntilHeld(60_000);
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    expect(await readStatus(submission.id)).toBe("running");

    const survivor = startGrader(quick);
    const stopReleasing = holds.keepReleasing();
    try {
      const sweepingSince = await waitFor(async () => survivor.output().includes('"msg":"sweeping stuck submissions"') && Date.now(), 60_000, "the second grader to start");
      const ended = await waitForEnd(quick, submission.id, survivor);
      expect(ended, doomed.output()).toMatchObject({ status: "error", errorMessage: STUCK_SUBMISSION_MESSAGE });
      expect(await readJobs(quick.db, submission.id)).toEqual([{ state: "failed", retry_count: 3, retry_limit: 3 }]);
      // The bound for a last try (README): its start + expiry + two maintenance intervals + one sweep interval,
      // counted from when a grader was there to do it.
      const boundMs = Math.max(ended.startedAt!.getTime() + EXPIRE_SECONDS * 1000, sweepingSince) + (3 * MAINTENANCE_SECONDS + SLACK_SECONDS) * 1000;
      expect(ended.finishedAt!.getTime()).toBeLessThanOrEqual(boundMs);

      const again = await submitFixture(quick, learner.id, "slow-greeting", "solution");
      expect((await waitForEnd(quick, again.id, survivor)).status).toBe("passed");
    } finally {
      await stopReleasing();
      await stopGrader(survivor);
      await quick.close();
    }
  });
});
