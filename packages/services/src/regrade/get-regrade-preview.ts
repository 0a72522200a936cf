import type { Db } from "@academy/db";
import { and, asc, eq, isNull, schema } from "@academy/db";
import { isPendingStatus } from "@academy/submission-lifecycle/statuses";

import type { CohortViewer } from "../cohort/cohort-access";
import { findTaughtCohort } from "../cohort/cohort-access";
import { exerciseNotFound } from "../exercise/exercise-not-found";
import { readBestScores, readLatestCountedSubmissions } from "./regraded-submissions";

export type RegradeTarget = { cohortId: string; exerciseId: string };
export type RegradeOutcome = "pending" | "up" | "down" | "unchanged" | "error";

export async function readExerciseVersion(db: Db, exerciseId: string) {
  const [row] = await db
    .select({
      id: schema.exercise.id,
      title: schema.exercise.title,
      isArchived: schema.exercise.isArchived,
      isTeamTemplate: schema.exercise.isTeamTemplate,
      currentVersionId: schema.exercise.currentVersionId,
      syncedAt: schema.exerciseVersion.createdAt,
    })
    .from(schema.exercise)
    .innerJoin(schema.exerciseVersion, eq(schema.exerciseVersion.id, schema.exercise.currentVersionId))
    .where(eq(schema.exercise.id, exerciseId));
  if (!row) throw exerciseNotFound(exerciseId);
  return { ...row, currentVersionId: row.currentVersionId! };
}

export async function findOpenPreview(db: Db, target: RegradeTarget) {
  const [row] = await db
    .select({
      id: schema.regradePreview.id,
      exerciseVersionId: schema.regradePreview.exerciseVersionId,
      createdAt: schema.regradePreview.createdAt,
      requestedByName: schema.user.name,
    })
    .from(schema.regradePreview)
    .innerJoin(schema.user, eq(schema.user.id, schema.regradePreview.requestedById))
    .where(and(eq(schema.regradePreview.cohortId, target.cohortId), eq(schema.regradePreview.exerciseId, target.exerciseId), isNull(schema.regradePreview.appliedAt)));
  return row;
}

async function readItems(db: Db, previewId: string) {
  const item = schema.regradePreviewItem;
  return db
    .select({
      learnerId: item.userId,
      name: schema.user.name,
      email: schema.user.email,
      sourceSubmissionId: item.sourceSubmissionId,
      sourceVersionId: schema.submission.exerciseVersionId,
      previousScore: schema.submission.score,
      status: item.status,
      newScore: item.score,
      maxScore: item.maxScore,
      errorMessage: item.errorMessage,
      finishedAt: item.finishedAt,
    })
    .from(item)
    .innerJoin(schema.user, eq(schema.user.id, item.userId))
    .innerJoin(schema.submission, eq(schema.submission.id, item.sourceSubmissionId))
    .where(eq(item.previewId, previewId))
    .orderBy(asc(schema.user.name), asc(item.userId));
}

// In whole hundredths, as scores are added: 10 - 6.67 is 3.33.
const difference = (after: number | null, before: number | null) => (Math.round((after ?? 0) * 100) - Math.round((before ?? 0) * 100)) / 100;

function classify(status: string, currentBest: number | null, projectedBest: number | null): RegradeOutcome {
  if (isPendingStatus(status)) return "pending";
  if (status === "error" || status === "timeout") return "error";
  if (projectedBest === currentBest) return "unchanged";
  return (projectedBest ?? 0) > (currentBest ?? 0) ? "up" : "down";
}

/**
 * Per learner: the gradebook's best score now and the best it would be with the regraded result
 * added (the gradebook keeps every version's results and takes the highest), computed when read,
 * so a learner who submits meanwhile is counted. Summary by outcome.
 */
async function describePreview(db: Db, exerciseId: string, preview: NonNullable<Awaited<ReturnType<typeof findOpenPreview>>>) {
  const items = await readItems(db, preview.id);
  const bestScores = await readBestScores(db, exerciseId, items.map((item) => item.learnerId));
  const learners = items.map(({ finishedAt: _finishedAt, ...item }) => {
    const currentBest = bestScores.get(item.learnerId) ?? null;
    const isGraded = !isPendingStatus(item.status);
    const projectedBest = isGraded && item.newScore !== null && (currentBest === null || item.newScore > currentBest) ? item.newScore : currentBest;
    const outcome = classify(item.status, currentBest, projectedBest);
    return { ...item, currentBest, projectedBest: isGraded ? projectedBest : null, change: isGraded ? difference(projectedBest, currentBest) : null, outcome };
  });
  const count = (outcome: RegradeOutcome) => learners.filter((learner) => learner.outcome === outcome).length;
  const pending = count("pending");
  return {
    id: preview.id,
    exerciseVersionId: preview.exerciseVersionId,
    createdAt: preview.createdAt,
    requestedByName: preview.requestedByName,
    isGrading: pending > 0,
    progress: { graded: learners.length - pending, total: learners.length },
    summary: { up: count("up"), down: count("down"), unchanged: count("unchanged"), errors: count("error"), pending },
    learners,
  };
}

/**
 * What the instructor's regrade panel shows for a cohort's exercise: whether a newer version than
 * some learners' latest submissions exists, and the open preview with its progress and changes.
 */
export async function getRegradePreview(db: Db, input: RegradeTarget & { viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const exercise = await readExerciseVersion(db, input.exerciseId);
  const latest = await readLatestCountedSubmissions(db, input);
  const preview = await findOpenPreview(db, input);
  const learnersOnOlderVersion = latest.filter((submission) => submission.exerciseVersionId !== exercise.currentVersionId).length;
  return {
    exercise: { id: exercise.id, title: exercise.title, currentVersionId: exercise.currentVersionId, currentVersionSyncedAt: exercise.syncedAt },
    learnersWithSubmission: latest.length,
    learnersOnOlderVersion,
    canStartPreview: !preview && !exercise.isArchived && !exercise.isTeamTemplate && learnersOnOlderVersion > 0,
    preview: preview ? await describePreview(db, input.exerciseId, preview) : null,
  };
}

export type RegradePreviewView = Awaited<ReturnType<typeof getRegradePreview>>;
