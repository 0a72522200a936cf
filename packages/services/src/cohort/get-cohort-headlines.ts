import type { Db } from "@academy/db";
import { and, count, eq, gte, schema, sql } from "@academy/db";

import type { CohortViewer } from "./cohort-access";
import { getCohortGradebook } from "./get-cohort-gradebook";
import { countsInGradebook, isCohortLearner } from "./graded-submissions";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 100) / 100;
}

/** Learners who did anything in the window: a submission of either mode, a quiz, a lesson read. */
async function countActiveLearners(db: Db, cohortId: string, since: Date) {
  const result = await db.execute<{ active: string }>(sql`
    select count(distinct m.user_id) as active
    from ${schema.cohortMembership} m
    where m.cohort_id = ${cohortId} and m.role = 'learner' and (
      exists (select 1 from ${schema.submission} s where s.user_id = m.user_id and s.created_at >= ${since})
      or exists (select 1 from ${schema.quizAttempt} q where q.user_id = m.user_id and q.created_at >= ${since})
      or exists (select 1 from ${schema.lessonProgress} l where l.user_id = m.user_id and l.read_at >= ${since})
    )`);
  return Number(result.rows[0]?.active ?? 0);
}

async function countSubmissionsSince(db: Db, cohortId: string, since: Date) {
  const [row] = await db
    .select({ value: count() })
    .from(schema.cohortMembership)
    .innerJoin(schema.submission, eq(schema.submission.userId, schema.cohortMembership.userId))
    .where(and(isCohortLearner(cohortId), countsInGradebook, gte(schema.submission.createdAt, since)));
  return row?.value ?? 0;
}

/**
 * The dashboard's figures, from the gradebook's own numbers: "this week" is the seven days before
 * `now`; a learner's progress is their best scores' share of the points on offer.
 */
export async function getCohortHeadlines(db: Db, input: { cohortId: string; viewer: CohortViewer; now?: Date }) {
  const gradebook = await getCohortGradebook(db, input);
  const since = new Date((input.now ?? new Date()).getTime() - WEEK_MS);
  const [activeLearnersThisWeek, submissionsThisWeek] = await Promise.all([
    countActiveLearners(db, input.cohortId, since),
    countSubmissionsSince(db, input.cohortId, since),
  ]);
  return {
    learnerCount: gradebook.learners.length,
    activeLearnersThisWeek,
    submissions: gradebook.learners.reduce((sum, learner) => sum + learner.totals.attempts, 0),
    submissionsThisWeek,
    medianProgressPercent: median(gradebook.learners.map((learner) => learner.totals.progressPercent)),
    since,
  };
}
