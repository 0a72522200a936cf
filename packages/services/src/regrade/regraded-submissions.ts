import type { Db } from "@academy/db";
import { and, desc, eq, inArray, max, schema } from "@academy/db";

import { countsInGradebook, isCohortLearner } from "../cohort/graded-submissions";

/**
 * Each cohort learner's latest submission of the exercise that the gradebook counts (final,
 * Submit mode, outside exams): the one a regrade grades again.
 */
export async function readLatestCountedSubmissions(db: Db, target: { cohortId: string; exerciseId: string }) {
  const s = schema.submission;
  return db
    .selectDistinctOn([s.userId], { id: s.id, userId: s.userId, exerciseVersionId: s.exerciseVersionId })
    .from(s)
    .innerJoin(schema.cohortMembership, and(eq(schema.cohortMembership.userId, s.userId), isCohortLearner(target.cohortId)))
    .where(and(eq(s.exerciseId, target.exerciseId), countsInGradebook))
    .orderBy(s.userId, desc(s.createdAt), desc(s.id));
}

/** The gradebook's best score per learner for the exercise (the highest over every counted submission, whatever its version). */
export async function readBestScores(db: Db, exerciseId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, number | null>();
  const rows = await db
    .select({ userId: schema.submission.userId, bestScore: max(schema.submission.score) })
    .from(schema.submission)
    .where(and(eq(schema.submission.exerciseId, exerciseId), inArray(schema.submission.userId, userIds), countsInGradebook))
    .groupBy(schema.submission.userId);
  return new Map(rows.map((row) => [row.userId, row.bestScore === null ? null : Number(row.bestScore)]));
}
