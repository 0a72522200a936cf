import type { Db } from "@academy/db";
import { and, asc, eq, inArray, schema } from "@academy/db";
import type { SubmissionStatus } from "@academy/submission-lifecycle";

import { DomainError } from "../domain-error";
import { countsInGradebook, isCohortLearner } from "./graded-submissions";

type GradedAttempt = { id: string; status: SubmissionStatus; score: number | null; createdAt: Date };

/** The gradebook's choice of best: the highest score, the earliest on a tie; an attempt without a score only when none has one. */
function pickBest(attempts: GradedAttempt[]) {
  return attempts.reduce((best, attempt) => ((attempt.score ?? -1) > (best.score ?? -1) ? attempt : best), attempts[0]!);
}

export async function findExercise(db: Db, exerciseId: string) {
  const [exercise] = await db
    .select({ id: schema.exercise.id, title: schema.exercise.title, section: schema.exercise.section, points: schema.exercise.points })
    .from(schema.exercise)
    .where(eq(schema.exercise.id, exerciseId));
  if (!exercise) throw new DomainError("NOT_FOUND", "This exercise does not exist.");
  return exercise;
}

/**
 * Every learner of the cohort with their graded attempts at one exercise, oldest first (one query,
 * each learner's rows off the covering index), summed up as the gradebook's cell is.
 */
export async function readExerciseResults(db: Db, cohortId: string, exerciseId: string) {
  const s = schema.submission;
  const rows = await db
    .select({
      learnerId: schema.user.id,
      name: schema.user.name,
      email: schema.user.email,
      submissionId: s.id,
      status: s.status,
      score: s.score,
      createdAt: s.createdAt,
    })
    .from(schema.cohortMembership)
    .innerJoin(schema.user, eq(schema.user.id, schema.cohortMembership.userId))
    .leftJoin(s, and(eq(s.userId, schema.cohortMembership.userId), eq(s.exerciseId, exerciseId), countsInGradebook))
    .where(isCohortLearner(cohortId))
    .orderBy(asc(schema.user.name), asc(schema.user.id), asc(s.createdAt), asc(s.id));

  const learners = new Map<string, { id: string; name: string; email: string; attempts: GradedAttempt[] }>();
  for (const row of rows) {
    const learner = learners.get(row.learnerId) ?? { id: row.learnerId, name: row.name, email: row.email, attempts: [] };
    if (row.submissionId) learner.attempts.push({ id: row.submissionId, status: row.status!, score: row.score, createdAt: row.createdAt! });
    learners.set(row.learnerId, learner);
  }
  return [...learners.values()].map(({ attempts, ...learner }) => {
    const best = attempts.length > 0 ? pickBest(attempts) : null;
    const last = attempts.at(-1) ?? null;
    const firstPass = attempts.findIndex((attempt) => attempt.status === "passed");
    return {
      ...learner,
      attempts: attempts.length,
      bestScore: best?.score ?? null,
      bestSubmissionId: best?.id ?? null,
      isPassed: firstPass >= 0,
      /** The attempt that passed first (1 = passed at once); null until passed. */
      attemptsToPass: firstPass >= 0 ? firstPass + 1 : null,
      lastSubmissionId: last?.id ?? null,
      lastStatus: last?.status ?? null,
      lastActivityAt: last?.createdAt ?? null,
    };
  });
}

export type ExerciseResultRow = Awaited<ReturnType<typeof readExerciseResults>>[number];

/** The stored per-test results of the given submissions, in test order. */
export async function readTestResults(db: Db, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  const t = schema.testResult;
  return db
    .select({ submissionId: t.submissionId, position: t.position, name: t.name, visibility: t.visibility, status: t.status, message: t.message })
    .from(t)
    .where(inArray(t.submissionId, submissionIds))
    .orderBy(asc(t.submissionId), asc(t.position));
}
