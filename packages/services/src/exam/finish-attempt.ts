import type { Db, DbExecutor } from "@academy/db";
import { eq, schema } from "@academy/db";
import { notifyExamAttemptChanged } from "@academy/submission-lifecycle";

import type { AttemptRow } from "./attempt-row";
import { isOverdue, lockOwnAttempt, readOwnAttempt } from "./attempt-row";
import { gradePartA } from "./grade-part-a";
import { settleExamAttemptScore } from "./score-exam";

/**
 * Ends an in-progress attempt the caller has locked: grades Part A from the saved answers and marks
 * it `submitted`, or `expired` when the deadline has passed (then it ends at its deadline, since
 * nothing later was accepted). A finished attempt is returned as it is.
 */
export async function finishAttempt(tx: DbExecutor, attempt: AttemptRow, now: Date): Promise<AttemptRow> {
  if (attempt.status !== "in-progress") return attempt;
  const isLate = isOverdue(attempt, now);
  const partA = gradePartA(attempt.questionIds, attempt.answers);
  const finished = {
    status: isLate ? ("expired" as const) : ("submitted" as const),
    submittedAt: isLate ? attempt.deadlineAt : now,
    partAScore: partA.score,
    partAMaxScore: partA.maxScore,
    partAChapters: partA.chapters,
  };
  await tx.update(schema.examAttempt).set(finished).where(eq(schema.examAttempt.id, attempt.id));
  // Part B all graded (or nothing sent): the overall score is stored now; otherwise by its last grading.
  const stored = await settleExamAttemptScore(tx, attempt.id);
  await notifyExamAttemptChanged(tx, { examId: attempt.examId, attemptId: attempt.id });
  return { ...attempt, ...finished, score: stored?.score ?? null, maxScore: stored?.score == null ? null : stored.maxScore };
}

/** Locks the learner's attempt and finishes it: what submitting, the deadline sweep and a late read share. */
export function finishOwnAttempt(db: Db, userId: string, attemptId: string, now: Date): Promise<AttemptRow> {
  return db.transaction(async (tx) => finishAttempt(tx, await lockOwnAttempt(tx, userId, attemptId), now));
}

/** The learner's attempt as of `now`: one read past its deadline is submitted first, so no page offers a closed exam. */
export async function readCurrentAttempt(db: Db, userId: string, attemptId: string, now: Date): Promise<AttemptRow> {
  const attempt = await readOwnAttempt(db, userId, attemptId);
  return isOverdue(attempt, now) ? finishOwnAttempt(db, userId, attemptId, now) : attempt;
}

/** What every view of an attempt starts with: which exam, its state and its times. */
export function describeAttempt(attempt: AttemptRow) {
  const { id, examId, status, startedAt, deadlineAt, submittedAt } = attempt;
  return { attemptId: id, examId, status, startedAt, deadlineAt, submittedAt };
}
