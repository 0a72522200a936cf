import { randomUUID } from "node:crypto";

import { createTestDb, seedUser } from "@academy/db/testing";
import { enqueueGradingJob, startGradingQueue } from "@academy/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { syncExercises } from "../exercise/sync-exercises";
import { repoExercisesDir } from "../testing/repo-exercises-dir";
import { createGradingPorts } from "./create-grading-ports";
import { createSubmission } from "./create-submission";
import { getSubmission } from "./get-submission";

describe("a queued submission's place in line", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let queue: Awaited<ReturnType<typeof startGradingQueue>>;

  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir });
    queue = await startGradingQueue({ connectionString: testDb.url });
  });
  afterAll(async () => {
    await queue?.stop({ graceful: false, wait: true });
    await grading?.close();
    await testDb?.close();
  });

  const submitPractice = async () => {
    const user = await seedUser(testDb.db);
    const files = [{ name: "main.py", content: "from fastapi import FastAPI\napp = FastAPI()\n" }];
    const created = await createSubmission(testDb.db, grading.ports, { userId: user.id, exerciseId: "basic-greeting-api", mode: "submit", files });
    return { userId: user.id, id: created.id };
  };

  it("is first behind 50 regrades, and counts the practice submitted before it", async () => {
    for (let i = 0; i < 50; i++) await enqueueGradingJob(queue, { submissionId: randomUUID() }, { lane: "regrade" });
    const first = await submitPractice();
    expect(await getSubmission(testDb.db, first.userId, first.id)).toMatchObject({ status: "queued", queuePosition: 1 });

    const second = await submitPractice();
    expect(await getSubmission(testDb.db, second.userId, second.id)).toMatchObject({ status: "queued", queuePosition: 2 });
  });
});
