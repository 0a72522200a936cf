import { randomUUID } from "node:crypto";

import { createTestDb, seedUser } from "@academy/db/testing";
import { enqueueGradingJob, GRADING_QUEUE, startGradingQueue } from "@academy/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { syncExercises } from "../exercise/sync-exercises";
import { repoExercisesDir } from "../testing/repo-exercises-dir";
import { createGradingPorts } from "./create-grading-ports";
import { createSubmission } from "./create-submission";
import { getSubmission } from "./get-submission";

/** A database of its own with the exercises, the web app's grading ports and a queue to play the graders with. */
function useQueueDb() {
  const state = {} as { testDb: Awaited<ReturnType<typeof createTestDb>>; grading: Awaited<ReturnType<typeof createGradingPorts>>; queue: Awaited<ReturnType<typeof startGradingQueue>> };
  beforeAll(async () => {
    state.testDb = await createTestDb();
    await syncExercises(state.testDb.db, repoExercisesDir);
    state.grading = await createGradingPorts({ databaseUrl: state.testDb.url, exercisesDir: repoExercisesDir });
    state.queue = await startGradingQueue({ connectionString: state.testDb.url });
  });
  afterAll(async () => {
    await state.queue?.stop({ graceful: false, wait: true });
    await state.grading?.close();
    await state.testDb?.close();
  });
  const submitPractice = async () => {
    const user = await seedUser(state.testDb.db);
    const files = [{ name: "main.py", content: "from fastapi import FastAPI\napp = FastAPI()\n" }];
    const created = await createSubmission(state.testDb.db, state.grading.ports, { userId: user.id, exerciseId: "basic-greeting-api", mode: "submit", files });
    return { userId: user.id, id: created.id };
  };
  return { state, submitPractice };
}

describe("a queued submission's place in line", () => {
  const { state, submitPractice } = useQueueDb();

  it("is first behind 50 regrades, and counts the practice submitted before it", async () => {
    const { testDb, queue } = state;
    for (let i = 0; i < 50; i++) await enqueueGradingJob(queue, { submissionId: randomUUID() }, { lane: "regrade" });
    const first = await submitPractice();
    expect(await getSubmission(testDb.db, first.userId, first.id)).toMatchObject({ status: "queued", queuePosition: 1 });

    const second = await submitPractice();
    expect(await getSubmission(testDb.db, second.userId, second.id)).toMatchObject({ status: "queued", queuePosition: 2 });
  });
});

describe("a queued submission's estimated wait", () => {
  const { state, submitPractice } = useQueueDb();
  /** Takes the waiting jobs as a grader would: they become active, each a busy slot. */
  const takeJobs = async (count: number) => {
    const jobs = await state.queue.fetch(GRADING_QUEUE, { batchSize: count });
    expect(jobs).toHaveLength(count);
    return jobs.map((job) => job.id);
  };

  it("is the lane's median recent grading time × (jobs ahead ÷ busy slots + 1), and unknown before any grading", async () => {
    const { testDb, queue } = state;
    const alone = await submitPractice();
    expect(await getSubmission(testDb.db, alone.userId, alone.id)).toMatchObject({ queuePosition: 1, estimatedWaitSeconds: null });
    await takeJobs(1);

    // Three practice gradings done, taking 2, 4 and 9 s from a grader's taking them to their end: median 4 s.
    for (let i = 0; i < 3; i++) await enqueueGradingJob(queue, { submissionId: randomUUID() }, { lane: "practice" });
    const done = await takeJobs(3);
    await queue.complete(GRADING_QUEUE, done);
    await testDb.db.$client.query(
      "UPDATE pgboss.job SET started_on = completed_on - (ARRAY[2, 4, 9])[array_position($1::uuid[], id)] * interval '1 second' WHERE id = ANY($1::uuid[])",
      [done],
    );
    // A second slot busy: with the first, two gradings run now.
    await enqueueGradingJob(queue, { submissionId: randomUUID() }, { lane: "practice" });
    await takeJobs(1);

    const first = await submitPractice();
    const second = await submitPractice();
    const third = await submitPractice();
    expect(await getSubmission(testDb.db, first.userId, first.id)).toMatchObject({ queuePosition: 1, estimatedWaitSeconds: 4 });
    expect(await getSubmission(testDb.db, second.userId, second.id)).toMatchObject({ queuePosition: 2, estimatedWaitSeconds: 6 });
    expect(await getSubmission(testDb.db, third.userId, third.id)).toMatchObject({ queuePosition: 3, estimatedWaitSeconds: 8 });

    // Regrades have no recent grading of their own: behind them a practice estimate stays as it was.
    for (let i = 0; i < 5; i++) await enqueueGradingJob(queue, { submissionId: randomUUID() }, { lane: "regrade" });
    expect(await getSubmission(testDb.db, third.userId, third.id)).toMatchObject({ queuePosition: 3, estimatedWaitSeconds: 8 });
  });
});
