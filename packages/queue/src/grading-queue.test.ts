import { randomUUID } from "node:crypto";

import { withTransaction } from "@academy/db";
import { createTestDb } from "@academy/db/testing";
import { GRADING_ENQUEUED_CHANNEL } from "@academy/submission-lifecycle";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { enqueueGradingJob, startGradingQueue } from "./grading-queue";

describe("the grading queue", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let queue: Awaited<ReturnType<typeof startGradingQueue>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    queue = await startGradingQueue({ connectionString: testDb.url });
  });
  afterAll(async () => {
    await queue?.stop({ graceful: false, wait: true });
    await testDb?.close();
  });

  const jobsFor = async (submissionId: string) =>
    (await testDb.db.$client.query("select state from pgboss.job where data->>'submissionId' = $1", [submissionId])).rows;

  it("commits a job with the caller's transaction and drops it on rollback", async () => {
    const kept = randomUUID();
    await withTransaction(testDb.db, (_tx, executor) => enqueueGradingJob(queue, { submissionId: kept }, executor));
    expect(await jobsFor(kept)).toEqual([{ state: "created" }]);

    const dropped = randomUUID();
    await expect(
      withTransaction(testDb.db, async (_tx, executor) => {
        await enqueueGradingJob(queue, { submissionId: dropped }, executor);
        throw new Error("the submission could not be stored");
      }),
    ).rejects.toThrow("could not be stored");
    expect(await jobsFor(dropped)).toEqual([]);
  });

  it("keeps a job that no grader takes for one day, its retention", async () => {
    const submissionId = randomUUID();
    await enqueueGradingJob(queue, { submissionId });
    const { rows } = await testDb.db.$client.query<{ hours: number }>(
      "select extract(epoch from keep_until - created_on) / 3600 as hours from pgboss.job where data->>'submissionId' = $1",
      [submissionId],
    );
    expect(rows.map((r) => Number(r.hours))).toEqual([24]);
  });

  it("wakes idle graders when, and only when, the enqueuing transaction commits", async () => {
    const listener = new pg.Client({ connectionString: testDb.url });
    await listener.connect();
    let wakeUps = 0;
    listener.on("notification", () => wakeUps++);
    await listener.query(`LISTEN ${GRADING_ENQUEUED_CHANNEL}`);
    try {
      await withTransaction(testDb.db, async (_tx, executor) => {
        await enqueueGradingJob(queue, { submissionId: randomUUID() }, executor);
        throw new Error("rolled back");
      }).catch(() => undefined);
      await withTransaction(testDb.db, (_tx, executor) => enqueueGradingJob(queue, { submissionId: randomUUID() }, executor));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(wakeUps).toBe(1);
    } finally {
      await listener.end();
    }
  });

  it("refuses a malformed job", async () => {
    await expect(enqueueGradingJob(queue, { submissionId: "not-a-uuid" })).rejects.toThrow();
  });
});
