import { eq, schema } from "@academy/db";
import { createTestDb, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { GRADING_QUEUE, startGradingQueue, type GradingQueue } from "@academy/queue";
import { createGradingPorts, createSubmission, startMockExam, submitExamAttempt, syncExercises } from "@academy/services";
import type { StatusEvent } from "@academy/submission-lifecycle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { STUCK_SUBMISSION_MESSAGE, sweepStuckSubmissions } from "./sweep-stuck-submissions";
import { fixtureExercisesDir } from "./testing/grader-process";

const files = [{ name: "main.py", content: "from fastapi import FastAPI\napp = FastAPI()\n" }];

describe("sweeping submissions that no job will grade", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let queue: GradingQueue;

  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, fixtureExercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: fixtureExercisesDir });
    // A second client plays the worker's part: it takes, fails, completes and deletes jobs through pg-boss itself.
    queue = await startGradingQueue({ connectionString: testDb.url, isWorker: false });
  });
  afterAll(async () => {
    await queue?.stop({ graceful: false, wait: true });
    await grading?.close();
    await testDb?.close();
  });

  const submit = async () => {
    const user = await seedUser(testDb.db);
    const submission = await createSubmission(testDb.db, grading.ports, { userId: user.id, exerciseId: "slow-greeting", mode: "submit", files });
    return { userId: user.id, id: submission.id };
  };
  /** Takes the oldest waiting job (retries included, whenever they are due), as a worker does. */
  const takeJob = async (submissionId: string) => {
    const [job] = await queue.fetch<{ submissionId: string }>(GRADING_QUEUE, { ignoreStartAfter: true } as object);
    expect(job?.data.submissionId).toBe(submissionId);
    return job!.id;
  };
  const readJobStates = async (submissionId: string) =>
    (await testDb.db.$client.query<{ state: string }>("select state from pgboss.job where data->>'submissionId' = $1", [submissionId])).rows.map((r) => r.state);
  const readStatus = async (id: string) => {
    const [row] = await testDb.db.select({ status: schema.submission.status, errorMessage: schema.submission.errorMessage }).from(schema.submission).where(eq(schema.submission.id, id));
    return row!;
  };

  it("marks error, with a message to submit again, each pending submission whose job is done for, and only those", async () => {
    const failedOnLastTry = await submit();
    for (let attempt = 1; attempt <= 4; attempt++) await queue.fail(GRADING_QUEUE, await takeJob(failedOnLastTry.id));
    expect(await readJobStates(failedOnLastTry.id)).toEqual(["failed"]);

    const completedWithoutResult = await submit();
    await queue.complete(GRADING_QUEUE, await takeJob(completedWithoutResult.id));
    const cancelled = await submit();
    await queue.cancel(GRADING_QUEUE, await takeJob(cancelled.id));
    const deleted = await submit();
    await queue.deleteJob(GRADING_QUEUE, await takeJob(deleted.id));
    const graded = await submit();
    const gradedJob = await takeJob(graded.id);
    await testDb.db.update(schema.submission).set({ status: "passed" }).where(eq(schema.submission.id, graded.id));
    await queue.complete(GRADING_QUEUE, gradedJob);

    const beingGraded = await submit();
    await takeJob(beingGraded.id);
    const waitingToRetry = await submit();
    await queue.fail(GRADING_QUEUE, await takeJob(waitingToRetry.id));
    expect(await readJobStates(waitingToRetry.id)).toEqual(["retry"]);
    const waiting = await submit();

    const events: StatusEvent[] = [];
    const watching = new AbortController();
    const watcher = grading.ports.statusListener.watch(watching.signal);
    const swept = await sweepStuckSubmissions(testDb.db);

    const stuck = [failedOnLastTry, completedWithoutResult, cancelled, deleted];
    expect(swept.map((row) => row.id).sort()).toEqual(stuck.map((s) => s.id).sort());
    for (const submission of stuck) expect(await readStatus(submission.id)).toEqual({ status: "error", errorMessage: STUCK_SUBMISSION_MESSAGE });
    expect(STUCK_SUBMISSION_MESSAGE).toMatch(/submit it again/);
    expect((await readStatus(graded.id)).status).toBe("passed");
    expect((await readStatus(waitingToRetry.id)).status).toBe("queued");
    expect((await readStatus(beingGraded.id)).status).toBe("queued");
    expect((await readStatus(waiting.id)).status).toBe("queued");

    while (events.length < stuck.length) {
      const next = await watcher.next();
      if (!next.done && "submissionId" in next.value) events.push(next.value);
    }
    watching.abort();
    expect(events.map((e) => [e.submissionId, e.status]).sort()).toEqual(stuck.map((s) => [s.id, "error"]).sort());

    // Swept, the learner may submit that exercise again at once.
    const again = await createSubmission(testDb.db, grading.ports, { userId: failedOnLastTry.userId, exerciseId: "slow-greeting", mode: "submit", files });
    expect(again.status).toBe("queued");
    expect(await sweepStuckSubmissions(testDb.db)).toEqual([]);
  });

  it("settles the score of a finished exam whose last pending Part B submission it ends", async () => {
    for (const difficulty of ["core", "advanced"] as const) await seedExercise(testDb.db, { difficulty, kind: "implement" });
    const learner = await seedUser(testDb.db);
    const { attemptId } = await startMockExam(testDb.db, learner.id);
    const readAttempt = async () =>
      (await testDb.db.select({ exerciseIds: schema.examAttempt.exerciseIds, score: schema.examAttempt.score }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId)))[0]!;
    // A Part B submission whose job is gone (no pgboss row at all), left running.
    const orphan = await seedSubmission(testDb.db, { userId: learner.id, exerciseId: (await readAttempt()).exerciseIds[0]!, examAttemptId: attemptId, status: "running" });
    await submitExamAttempt(testDb.db, learner.id, attemptId);
    expect((await readAttempt()).score).toBeNull();

    expect((await sweepStuckSubmissions(testDb.db)).map((row) => row.id)).toContain(orphan.id);
    // Nothing answered and Part B's only submission could not be graded: a final 0, no longer pending.
    expect((await readAttempt()).score).toBe(0);
  });
});
