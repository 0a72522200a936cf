import { eq, schema, withTransaction } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { enqueuePreviewGradingJob, startGradingQueue, type GradingQueue } from "@academy/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { putPreviewItemBack, startPreviewItemGrading, STUCK_PREVIEW_ITEM_MESSAGE, sweepStuckPreviewItems } from "./grade-preview-item";

describe("a preview item's grading, as the grader writes it", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let queue: GradingQueue;
  beforeAll(async () => {
    testDb = await createTestDb();
    queue = await startGradingQueue({ connectionString: testDb.url });
  });
  afterAll(async () => {
    await queue?.stop({ graceful: false, wait: true });
    await testDb?.close();
  });

  /** A preview of `count` learners' submissions, each item with its job (as startRegradePreview stores them). */
  async function seedPreview(count: number) {
    const instructor = await seedUser(testDb.db, { role: "instructor" });
    const learners = await Promise.all(Array.from({ length: count }, () => seedUser(testDb.db)));
    const exercise = await seedExercise(testDb.db);
    const cohort = await seedCohort(testDb.db, { instructorId: instructor.id, memberIds: learners.map((l) => l.id) });
    const [preview] = await testDb.db
      .insert(schema.regradePreview)
      .values({ cohortId: cohort.id, exerciseId: exercise.id, exerciseVersionId: exercise.currentVersionId!, requestedById: instructor.id })
      .returning();
    const items = [];
    for (const learner of learners) {
      const submission = await seedSubmission(testDb.db, { userId: learner.id, exerciseId: exercise.id, status: "passed", score: 10, maxScore: 10 });
      const [item] = await testDb.db.insert(schema.regradePreviewItem).values({ previewId: preview!.id, userId: learner.id, sourceSubmissionId: submission.id }).returning();
      await withTransaction(testDb.db, (_tx, executor) => enqueuePreviewGradingJob(queue, { previewItemId: item!.id }, { executor }));
      items.push(item!);
    }
    return items;
  }
  const readItem = async (id: string) => (await testDb.db.select().from(schema.regradePreviewItem).where(eq(schema.regradePreviewItem.id, id)))[0]!;
  const setJobState = (itemId: string, state: string) => testDb.db.$client.query("update pgboss.job set state = $2 where data->>'previewItemId' = $1", [itemId, state]);

  it("ends the pending items no live job will grade (failed on the last try, or gone), and only those", async () => {
    const [waiting, running, failed, deleted, graded] = await seedPreview(5);
    await startPreviewItemGrading(testDb.db, running!.id);
    await setJobState(running!.id, "active");
    await startPreviewItemGrading(testDb.db, failed!.id);
    await setJobState(failed!.id, "failed");
    await testDb.db.$client.query("delete from pgboss.job where data->>'previewItemId' = $1", [deleted!.id]);
    await testDb.db.update(schema.regradePreviewItem).set({ status: "passed", score: 10 }).where(eq(schema.regradePreviewItem.id, graded!.id));
    await setJobState(graded!.id, "completed");

    const swept = await sweepStuckPreviewItems(testDb.db);
    expect(swept.map((row) => row.id).sort()).toEqual([failed!.id, deleted!.id].sort());
    expect(await readItem(failed!.id)).toMatchObject({ status: "error", errorMessage: STUCK_PREVIEW_ITEM_MESSAGE });
    expect(await readItem(waiting!.id)).toMatchObject({ status: "queued", errorMessage: null });
    expect(await readItem(running!.id)).toMatchObject({ status: "running" });
    expect(await readItem(graded!.id)).toMatchObject({ status: "passed", score: 10 });
  });

  it("starts an item once, and puts back only one still running", async () => {
    const [item] = await seedPreview(1);
    expect(await startPreviewItemGrading(testDb.db, item!.id)).not.toBeNull();
    await putPreviewItemBack(testDb.db, item!.id);
    expect((await readItem(item!.id)).status).toBe("queued");
    expect(await startPreviewItemGrading(testDb.db, item!.id)).not.toBeNull();
    await testDb.db.update(schema.regradePreviewItem).set({ status: "failed" }).where(eq(schema.regradePreviewItem.id, item!.id));
    await putPreviewItemBack(testDb.db, item!.id);
    expect((await readItem(item!.id)).status).toBe("failed");
    expect(await startPreviewItemGrading(testDb.db, item!.id)).toBeNull();
  });
});
