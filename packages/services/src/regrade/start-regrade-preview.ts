import type { Db, DbExecutor } from "@academy/db";
import { schema, sql, withTransaction } from "@academy/db";
import { notifyRegradePreview } from "@academy/submission-lifecycle";

import type { CohortViewer } from "../cohort/cohort-access";
import { findTaughtCohort } from "../cohort/cohort-access";
import { DomainError } from "../domain-error";
import { findOpenPreview, readExerciseVersion, type RegradeTarget } from "./get-regrade-preview";
import type { RegradePorts } from "./regrade-ports";
import { readLatestCountedSubmissions } from "./regraded-submissions";

/** One preview change at a time per cohort and exercise (start, apply, discard): the open-preview check and its write agree. */
export async function lockPreviewTarget(tx: DbExecutor, target: RegradeTarget) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`academy:regrade-preview:${target.cohortId}/${target.exerciseId}`}))`);
}

/**
 * Grades each cohort learner's latest counted submission of the exercise that was graded against
 * an older version, against the current one, in the regrade lane: the preview, its items and
 * their jobs are stored in one transaction. Nothing a learner or the gradebook reads changes.
 */
export async function startRegradePreview(db: Db, ports: RegradePorts, input: RegradeTarget & { viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const exercise = await readExerciseVersion(db, input.exerciseId);
  if (exercise.isArchived) {
    throw new DomainError("PRECONDITION_FAILED", "This exercise is no longer on offer, so its tests cannot be run again.");
  }
  // A template's suites grade a team's milestone submissions; run over a learner's solo code they would grade it against tests it was never set.
  if (exercise.isTeamTemplate) {
    throw new DomainError("PRECONDITION_FAILED", "This is a team-project template: its milestones are graded for each team, so it cannot be regraded here.");
  }
  return withTransaction(db, async (tx, executor) => {
    await lockPreviewTarget(tx, input);
    if (await findOpenPreview(tx, input)) {
      throw new DomainError("CONFLICT", "A preview of this exercise is already open for this cohort: apply or discard it first.");
    }
    const outdated = (await readLatestCountedSubmissions(tx, input)).filter((submission) => submission.exerciseVersionId !== exercise.currentVersionId);
    if (outdated.length === 0) {
      throw new DomainError("PRECONDITION_FAILED", "Every learner's latest submission is already graded against the current version: there is nothing to regrade.");
    }
    const [preview] = await tx
      .insert(schema.regradePreview)
      .values({ cohortId: input.cohortId, exerciseId: input.exerciseId, exerciseVersionId: exercise.currentVersionId, requestedById: input.viewer.id })
      .returning({ id: schema.regradePreview.id, createdAt: schema.regradePreview.createdAt });
    const items = await tx
      .insert(schema.regradePreviewItem)
      .values(outdated.map((submission) => ({ previewId: preview!.id, userId: submission.userId, sourceSubmissionId: submission.id })))
      .returning({ id: schema.regradePreviewItem.id });
    for (const item of items) await ports.enqueuePreviewItem(item.id, executor);
    await notifyRegradePreview(tx, input);
    return { id: preview!.id, exerciseVersionId: exercise.currentVersionId, createdAt: preview!.createdAt, total: items.length };
  });
}
