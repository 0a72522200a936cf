import type { Db, DbExecutor } from "@academy/db";
import { and, eq, schema, withTransaction } from "@academy/db";
import { deleteWaitingPreviewJobs } from "@academy/queue";
import { gradingReportSchema, isPendingStatus, notifyRegradePreview } from "@academy/submission-lifecycle";

import type { CohortViewer } from "../cohort/cohort-access";
import { findTaughtCohort } from "../cohort/cohort-access";
import { DomainError } from "../domain-error";
import { storeGradingResult } from "../submission/store-grading-result";
import { lockPreviewTarget } from "./start-regrade-preview";

type PreviewAction = { cohortId: string; previewId: string; viewer: CohortViewer };

/** The open preview, locked for the rest of the transaction; refused when it is gone or already applied. */
async function lockOpenPreview(tx: DbExecutor, input: PreviewAction) {
  const [target] = await tx
    .select({ exerciseId: schema.regradePreview.exerciseId })
    .from(schema.regradePreview)
    .where(and(eq(schema.regradePreview.id, input.previewId), eq(schema.regradePreview.cohortId, input.cohortId)));
  if (!target) throw new DomainError("NOT_FOUND", "This preview no longer exists: it was discarded. Start a new one.");
  await lockPreviewTarget(tx, { cohortId: input.cohortId, exerciseId: target.exerciseId });
  const [preview] = await tx
    .select({ id: schema.regradePreview.id, exerciseId: schema.regradePreview.exerciseId, exerciseVersionId: schema.regradePreview.exerciseVersionId, appliedAt: schema.regradePreview.appliedAt })
    .from(schema.regradePreview)
    .where(eq(schema.regradePreview.id, input.previewId));
  if (!preview) throw new DomainError("NOT_FOUND", "This preview no longer exists: it was discarded. Start a new one.");
  if (preview.appliedAt) throw new DomainError("CONFLICT", "This preview was already applied.");
  return preview;
}

/**
 * Records every graded item as a new submission of its learner under the preview's version,
 * stored through the same path as a live grading (report, per-test results, status notice), so
 * the gradebook counts it; the original submissions keep their version and results. Items whose
 * code never ran (the grader failed) are left out: that is no result of the learner's.
 */
export async function applyRegradePreview(db: Db, input: PreviewAction) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  // Drizzle's own transaction: the store inside opens a nested one, which becomes a savepoint here
  // (on a bare connection its COMMIT would end this transaction early).
  return db.transaction(async (tx) => {
    const preview = await lockOpenPreview(tx, input);
    const items = await tx
      .select({
        id: schema.regradePreviewItem.id,
        userId: schema.regradePreviewItem.userId,
        status: schema.regradePreviewItem.status,
        report: schema.regradePreviewItem.report,
        startedAt: schema.regradePreviewItem.startedAt,
        files: schema.submission.files,
      })
      .from(schema.regradePreviewItem)
      .innerJoin(schema.submission, eq(schema.submission.id, schema.regradePreviewItem.sourceSubmissionId))
      .where(eq(schema.regradePreviewItem.previewId, preview.id));
    const pending = items.filter((item) => isPendingStatus(item.status)).length;
    if (pending > 0) {
      throw new DomainError("CONFLICT", `The preview is still grading (${items.length - pending} of ${items.length} done): apply it once every submission is graded.`);
    }
    let applied = 0;
    for (const item of items) {
      const report = gradingReportSchema.safeParse(item.report);
      if (!report.success) continue;
      const [submission] = await tx
        .insert(schema.submission)
        .values({ userId: item.userId, exerciseId: preview.exerciseId, exerciseVersionId: preview.exerciseVersionId, mode: "submit", files: item.files, startedAt: item.startedAt })
        .returning({ id: schema.submission.id });
      await storeGradingResult(tx, submission!.id, report.data);
      await tx.update(schema.regradePreviewItem).set({ appliedSubmissionId: submission!.id }).where(eq(schema.regradePreviewItem.id, item.id));
      applied++;
    }
    await tx.update(schema.regradePreview).set({ appliedAt: new Date(), appliedById: input.viewer.id }).where(eq(schema.regradePreview.id, preview.id));
    await notifyRegradePreview(tx, { cohortId: input.cohortId, exerciseId: preview.exerciseId });
    return { previewId: preview.id, applied, skipped: items.length - applied };
  });
}

/** Deletes an open preview with its results and its jobs not yet taken; nothing else changes. */
export async function discardRegradePreview(db: Db, input: PreviewAction) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  return withTransaction(db, async (tx, executor) => {
    const preview = await lockOpenPreview(tx, input);
    const items = await tx.select({ id: schema.regradePreviewItem.id }).from(schema.regradePreviewItem).where(eq(schema.regradePreviewItem.previewId, preview.id));
    await deleteWaitingPreviewJobs(executor, items.map((item) => item.id));
    await tx.delete(schema.regradePreview).where(eq(schema.regradePreview.id, preview.id));
    await notifyRegradePreview(tx, { cohortId: input.cohortId, exerciseId: preview.exerciseId });
    return { previewId: preview.id };
  });
}
