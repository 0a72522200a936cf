import { and, eq, inArray, isNull, schema } from "@academy/db";
import { FINAL_STATUSES } from "@academy/submission-lifecycle/statuses";

/**
 * The submissions a gradebook counts: graded ("Submit", not "Run visible tests"), finished, and
 * outside exams (an exam's results are the exam's).
 */
export const countsInGradebook = and(
  eq(schema.submission.mode, "submit"),
  inArray(schema.submission.status, [...FINAL_STATUSES]),
  isNull(schema.submission.examAttemptId),
);

/** Joins a cohort's learners (not its instructors) to rows keyed by user id. */
export const isCohortLearner = (cohortId: string) =>
  and(eq(schema.cohortMembership.cohortId, cohortId), eq(schema.cohortMembership.role, "learner"));
