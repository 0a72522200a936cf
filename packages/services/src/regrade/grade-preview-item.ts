import type { Db, DbExecutor } from "@academy/db";
import { and, eq, inArray, schema, sql } from "@academy/db";
import { notifyRegradePreview, PENDING_STATUSES, type GradingReport } from "@academy/submission-lifecycle";

// The grader's writes of a preview item's grading. They mirror a submission's (running, result,
// failure, back to the queue), each guarded so a job run twice stores one result, and each
// announced to the panels watching the preview.

const item = schema.regradePreviewItem;
const isPending = inArray(item.status, [...PENDING_STATUSES]);

async function announce(tx: DbExecutor, previewIds: string[]) {
  if (previewIds.length === 0) return;
  const targets = await tx
    .selectDistinct({ cohortId: schema.regradePreview.cohortId, exerciseId: schema.regradePreview.exerciseId })
    .from(schema.regradePreview)
    .where(inArray(schema.regradePreview.id, previewIds));
  for (const target of targets) await notifyRegradePreview(tx, target);
}

/**
 * Marks a pending item running and returns what to grade: its learner's files, against the
 * preview's version (whose content hash the exercise folder must still have); null when the item
 * was graded already or discarded.
 */
export async function startPreviewItemGrading(db: Db, previewItemId: string) {
  return db.transaction(async (tx) => {
    const [started] = await tx
      .update(item)
      .set({ status: "running", startedAt: new Date() })
      .where(and(eq(item.id, previewItemId), isPending))
      .returning({ previewId: item.previewId, sourceSubmissionId: item.sourceSubmissionId });
    if (!started) return null;
    const [source] = await tx
      .select({
        exerciseId: schema.regradePreview.exerciseId,
        contentHash: schema.exerciseVersion.contentHash,
        files: schema.submission.files,
        createdAt: schema.regradePreview.createdAt,
      })
      .from(schema.regradePreview)
      .innerJoin(schema.exerciseVersion, eq(schema.exerciseVersion.id, schema.regradePreview.exerciseVersionId))
      .innerJoin(schema.submission, eq(schema.submission.id, started.sourceSubmissionId))
      .where(eq(schema.regradePreview.id, started.previewId));
    await announce(tx, [started.previewId]);
    return source ?? null;
  });
}

async function finishItem(db: Db, previewItemId: string, values: Partial<typeof item.$inferInsert>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(item)
      .set({ ...values, finishedAt: new Date() })
      .where(and(eq(item.id, previewItemId), isPending))
      .returning({ previewId: item.previewId });
    if (row) await announce(tx, [row.previewId]);
    return Boolean(row);
  });
}

/** Stores the report once, on the item only: the learner's submission and the gradebook are untouched. */
export function storePreviewItemResult(db: Db, previewItemId: string, report: GradingReport) {
  return finishItem(db, previewItemId, { status: report.status, score: report.score, maxScore: report.maxScore, report });
}

/** The grading could not run (after the queue's retries, or the exercise changed again): shown as an error, never applied. */
export function storePreviewItemFailure(db: Db, previewItemId: string, message: string) {
  return finishItem(db, previewItemId, { status: "error", errorMessage: message });
}

/** A failed try that the queue retries: the item waits again, unless another try stored a result meanwhile. */
export async function putPreviewItemBack(db: Db, previewItemId: string) {
  await db.update(item).set({ status: "queued" }).where(and(eq(item.id, previewItemId), eq(item.status, "running")));
}

export const STUCK_PREVIEW_ITEM_MESSAGE = "The grader stopped before it finished grading this submission, and its retries did not recover. Discard the preview and start it again.";

/** Ends every pending item that no live job will grade any more (its worker died on the last try), so the preview can finish. */
export async function sweepStuckPreviewItems(db: Db) {
  return db.transaction(async (tx) => {
    const swept = await tx
      .update(item)
      .set({ status: "error", errorMessage: STUCK_PREVIEW_ITEM_MESSAGE, finishedAt: new Date() })
      .where(
        and(
          isPending,
          sql`not exists (select 1 from pgboss.job j where j.data->>'previewItemId' = ${item.id}::text and j.state in ('created', 'retry', 'active'))`,
        ),
      )
      .returning({ id: item.id, previewId: item.previewId });
    await announce(tx, [...new Set(swept.map((row) => row.previewId))]);
    return swept;
  });
}
