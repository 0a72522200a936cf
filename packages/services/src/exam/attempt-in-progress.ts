import type { DbExecutor } from "@academy/db";
import { and, eq, gt, schema, sql } from "@academy/db";

import { DomainError } from "../domain-error";

const { exam, examAttempt } = schema;

/** An attempt the learner can still change: not submitted, its deadline not reached (one past it is over, whether or not the sweep has reached it). */
function isRunning(userId: string, now: Date) {
  return and(eq(examAttempt.userId, userId), eq(examAttempt.status, "in-progress"), gt(examAttempt.deadlineAt, now));
}

async function hasRunningScheduledAttempt(db: DbExecutor, userId: string, now: Date) {
  const [row] = await db
    .select({ id: examAttempt.id })
    .from(examAttempt)
    .innerJoin(exam, eq(exam.id, examAttempt.examId))
    .where(and(isRunning(userId, now), eq(exam.kind, "exam")))
    .limit(1);
  return row !== undefined;
}

/**
 * The exam's Part A is drawn from the section quizzes, and a graded quiz (or a mock submitted at
 * once) shows every question's answer: so neither is open to a learner sitting a scheduled exam.
 */
export async function assertNotSittingScheduledExam(db: DbExecutor, userId: string, now: Date, refusal: string) {
  if (await hasRunningScheduledAttempt(db, userId, now)) throw new DomainError("PRECONDITION_FAILED", refusal);
}

/** Practice grading of an exercise in the learner's running attempt would show its hidden tests' results mid-exam. */
export async function assertExerciseNotInRunningAttempt(db: DbExecutor, userId: string, exerciseId: string, now: Date) {
  const [row] = await db
    .select({ id: examAttempt.id })
    .from(examAttempt)
    .where(and(isRunning(userId, now), sql`${examAttempt.exerciseIds} @> ${JSON.stringify([exerciseId])}::jsonb`))
    .limit(1);
  if (row) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "This exercise is part of the exam you are sitting: submit your code for it from the exam page. Practice grading opens again once the exam is over.",
    );
  }
}
