import type { Db } from "@academy/db";
import { and, desc, eq, lt, or, schema } from "@academy/db";

import type { CohortViewer } from "./cohort-access";
import { findTaughtSubmission, isSubmissionOfCohort } from "./cohort-learner";
import { readTestResults } from "./exercise-results";
import { listSubmissionComments } from "./submission-comments";

const s = schema.submission;

/**
 * The same learner's attempt at the same exercise, in the same mode, just before this one, among
 * those the cohort may see: what the diff compares with.
 */
async function readPreviousAttempt(db: Db, cohortId: string, current: { id: string; userId: string; exerciseId: string; mode: "submit" | "run-visible"; createdAt: Date }) {
  const [previous] = await db
    .select({ id: s.id, status: s.status, score: s.score, maxScore: s.maxScore, files: s.files, createdAt: s.createdAt })
    .from(s)
    .where(
      and(
        eq(s.userId, current.userId),
        eq(s.exerciseId, current.exerciseId),
        eq(s.mode, current.mode),
        or(lt(s.createdAt, current.createdAt), and(eq(s.createdAt, current.createdAt), lt(s.id, current.id))),
        isSubmissionOfCohort(cohortId),
      ),
    )
    .orderBy(desc(s.createdAt), desc(s.id))
    .limit(1);
  return previous ?? null;
}

/** A submission for the cohort's instructor: code, report, per-test results, the previous attempt's files for a diff, comments. */
export async function getCohortSubmission(db: Db, input: { cohortId: string; submissionId: string; viewer: CohortViewer }) {
  const { learner } = await findTaughtSubmission(db, input);
  const [submission] = await db
    .select({
      id: s.id,
      userId: s.userId,
      exerciseId: s.exerciseId,
      exerciseTitle: schema.exercise.title,
      exercisePoints: schema.exercise.points,
      exerciseVersionId: s.exerciseVersionId,
      examAttemptId: s.examAttemptId,
      mode: s.mode,
      status: s.status,
      score: s.score,
      maxScore: s.maxScore,
      files: s.files,
      report: s.report,
      errorMessage: s.errorMessage,
      createdAt: s.createdAt,
      startedAt: s.startedAt,
      finishedAt: s.finishedAt,
    })
    .from(s)
    .innerJoin(schema.exercise, eq(schema.exercise.id, s.exerciseId))
    .where(eq(s.id, input.submissionId));
  const [previous, testResults, comments] = await Promise.all([
    readPreviousAttempt(db, input.cohortId, submission!),
    readTestResults(db, [submission!.id]),
    listSubmissionComments(db, [submission!.id]),
  ]);
  const { userId: _userId, ...detail } = submission!;
  return {
    learner: { id: learner.id, name: learner.name, email: learner.email },
    submission: detail,
    testResults: testResults.map(({ submissionId: _id, ...result }) => result),
    previous,
    comments,
  };
}
