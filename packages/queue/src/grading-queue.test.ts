import { randomUUID } from "node:crypto";

import { withTransaction } from "@academy/db";
import { createTestDb } from "@academy/db/testing";
import { GRADING_ENQUEUED_CHANNEL } from "@academy/submission-lifecycle";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { GradingLane } from "./grading-priority";
import {
  countGradingJobsAhead,
  deleteWaitingPreviewJobs,
  enqueueGradingJob,
  enqueuePreviewGradingJob,
  GRADING_QUEUE,
  gradingJobSchema,
  previewGradingJobSchema,
  startGradingQueue,
} from "./grading-queue";

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
    await withTransaction(testDb.db, (_tx, executor) => enqueueGradingJob(queue, { submissionId: kept }, { lane: "practice", executor }));
    expect(await jobsFor(kept)).toEqual([{ state: "created" }]);

    const dropped = randomUUID();
    await expect(
      withTransaction(testDb.db, async (_tx, executor) => {
        await enqueueGradingJob(queue, { submissionId: dropped }, { lane: "practice", executor });
        throw new Error("the submission could not be stored");
      }),
    ).rejects.toThrow("could not be stored");
    expect(await jobsFor(dropped)).toEqual([]);
  });

  it("keeps a job that no grader takes for one day, its retention", async () => {
    const submissionId = randomUUID();
    await enqueueGradingJob(queue, { submissionId }, { lane: "practice" });
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
        await enqueueGradingJob(queue, { submissionId: randomUUID() }, { lane: "practice", executor });
        throw new Error("rolled back");
      }).catch(() => undefined);
      await withTransaction(testDb.db, (_tx, executor) => enqueueGradingJob(queue, { submissionId: randomUUID() }, { lane: "practice", executor }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(wakeUps).toBe(1);
    } finally {
      await listener.end();
    }
  });

  it("refuses a malformed job", async () => {
    await expect(enqueueGradingJob(queue, { submissionId: "not-a-uuid" }, { lane: "practice" })).rejects.toThrow();
  });

  describe("priority lanes", () => {
    beforeEach(async () => {
      await queue.purgeQueue(GRADING_QUEUE);
    });

    const executor = () => ({ executeSql: (text: string, values: unknown[]) => testDb.db.$client.query(text, values) });
    const enqueue = async (lane: GradingLane) => {
      const submissionId = randomUUID();
      await enqueueGradingJob(queue, { submissionId }, { lane });
      return { lane, submissionId };
    };
    const fetchNext = async () => {
      const [job] = (await queue.fetch(GRADING_QUEUE)) ?? [];
      return job ? gradingJobSchema.parse(job.data).submissionId : undefined;
    };

    it("hands out exams, then practice, then regrades, each lane first come first served", async () => {
      const lanes: GradingLane[] = ["regrade", "practice", "regrade", "exam", "practice", "regrade", "exam", "practice"];
      const enqueued: { lane: GradingLane; submissionId: string }[] = [];
      for (const lane of lanes) enqueued.push(await enqueue(lane));

      const fetched: string[] = [];
      for (let next = await fetchNext(); next; next = await fetchNext()) fetched.push(next);

      const inLane = (lane: GradingLane) => enqueued.filter((job) => job.lane === lane).map((job) => job.submissionId);
      expect(fetched).toEqual([...inLane("exam"), ...inLane("practice"), ...inLane("regrade")]);
    });

    it("puts a practice submission behind 50 regrades first in line", async () => {
      for (let i = 0; i < 50; i++) await enqueue("regrade");
      const practice = await enqueue("practice");
      expect(await countGradingJobsAhead(executor(), practice.submissionId)).toBe(0);
      expect(await fetchNext()).toBe(practice.submissionId);
    });

    it("hands out a practice submission enqueued behind 50 regrade previews next, and the previews after it", async () => {
      const previewItemIds = Array.from({ length: 50 }, () => randomUUID());
      await withTransaction(testDb.db, async (_tx, txExecutor) => {
        for (const previewItemId of previewItemIds) await enqueuePreviewGradingJob(queue, { previewItemId }, { executor: txExecutor });
      });
      const practice = await enqueue("practice");
      expect(await countGradingJobsAhead(executor(), practice.submissionId)).toBe(0);
      expect(await fetchNext()).toBe(practice.submissionId);

      const previewsFetched: string[] = [];
      for (let [job] = (await queue.fetch(GRADING_QUEUE)) ?? []; job; [job] = (await queue.fetch(GRADING_QUEUE)) ?? []) {
        previewsFetched.push(previewGradingJobSchema.parse(job.data).previewItemId);
      }
      // One transaction enqueued them all: the same created_on, so their order among themselves is pg-boss's.
      expect(previewsFetched.sort()).toEqual(previewItemIds.sort());
    });

    it("deletes the waiting jobs of discarded preview items and no others", async () => {
      const [discarded, kept] = [randomUUID(), randomUUID()];
      await withTransaction(testDb.db, async (_tx, txExecutor) => {
        await enqueuePreviewGradingJob(queue, { previewItemId: discarded }, { executor: txExecutor });
        await enqueuePreviewGradingJob(queue, { previewItemId: kept }, { executor: txExecutor });
      });
      const practice = await enqueue("practice");
      await deleteWaitingPreviewJobs(executor(), [discarded]);
      const { rows } = await testDb.db.$client.query<{ data: Record<string, string> }>("select data from pgboss.job where name = $1 and state = 'created' order by created_on", [GRADING_QUEUE]);
      expect(rows.map((row) => row.data)).toEqual([{ previewItemId: kept }, { submissionId: practice.submissionId }]);
    });

    it("counts the jobs of higher lanes and the earlier ones of the same lane, and none once taken", async () => {
      const earlierPractice = await enqueue("practice");
      await enqueue("regrade");
      const practice = await enqueue("practice");
      await enqueue("practice");
      await enqueue("exam");
      expect(await countGradingJobsAhead(executor(), practice.submissionId)).toBe(2);
      expect(await countGradingJobsAhead(executor(), earlierPractice.submissionId)).toBe(1);

      await fetchNext();
      await fetchNext();
      expect(await countGradingJobsAhead(executor(), practice.submissionId)).toBe(0);
      expect(await fetchNext()).toBe(practice.submissionId);
      expect(await countGradingJobsAhead(executor(), practice.submissionId)).toBe(0);
    });
  });
});
