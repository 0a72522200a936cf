import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { createTestDb, seedUser } from "@academy/db/testing";
import { GRADING_QUEUE, startGradingQueue, type GradingQueue } from "@academy/queue";
import { notifySubmissionStatus } from "@academy/submission-lifecycle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { syncExercises } from "../exercise/sync-exercises";
import { createGradingPorts } from "../submission/create-grading-ports";
import { repoExercisesDir } from "../testing/repo-exercises-dir";
import { submitExamExercise } from "./exam-part-b";
import { getExamAttempt } from "./get-exam-attempt";
import { startMockExam } from "./start-mock-exam";
import { watchExamPartB } from "./watch-exam";

describe("watchExamPartB", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let queue: GradingQueue;
  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir });
    // Plays the grader's part: it takes jobs off the queue as a worker does.
    queue = await startGradingQueue({ connectionString: testDb.url, isWorker: false });
  });
  afterAll(async () => {
    await queue?.stop({ graceful: false, wait: true });
    await grading?.close();
    await testDb?.close();
  });

  async function submitCoreExercise() {
    const learner = await seedUser(testDb.db);
    const { attemptId } = await startMockExam(testDb.db, learner.id);
    const [core] = (await getExamAttempt(testDb.db, learner.id, attemptId)).exercises;
    const dir = path.join(repoExercisesDir, core!.id, "starter");
    const files = await Promise.all((await readdir(dir)).map(async (name) => ({ name, content: await readFile(path.join(dir, name), "utf8") })));
    const sent = await submitExamExercise(testDb.db, grading.ports, learner.id, { attemptId, exerciseId: core!.id, files });
    return { learner, attemptId, sent };
  }

  it("moves a received submission's place in line live as another learner's grading is taken, without a score", async () => {
    const ahead = await submitCoreExercise();
    const { learner, attemptId, sent } = await submitCoreExercise();
    const updates = watchExamPartB(testDb.db, grading.ports, learner.id, attemptId);
    const first = (await updates.next()).value!;
    expect(first.exercises[0]!.submissions).toEqual([{ submissionId: sent.submissionId, exerciseId: sent.exerciseId, state: "received", queuePosition: 2, createdAt: sent.createdAt }]);

    const [job] = await queue.fetch<{ submissionId: string }>(GRADING_QUEUE);
    expect(job?.data.submissionId).toBe(ahead.sent.submissionId);
    await notifySubmissionStatus(testDb.db, { submissionId: ahead.sent.submissionId, userId: ahead.learner.id, status: "running" });
    const moved = (await updates.next()).value!;
    expect(moved.exercises[0]!.submissions[0]).toMatchObject({ state: "received", queuePosition: 1 });
    expect(JSON.stringify(moved)).not.toMatch(/score|report|passed|failed/);
    await updates.return(undefined);
  });
});
