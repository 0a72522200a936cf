import type { DbExecutor } from "@academy/db";
import { and, eq, schema } from "@academy/db";

import { DomainError } from "../domain-error";

const { examAttempt } = schema;

/** The columns the exam services work from; never `select *`. */
export const attemptColumns = {
  id: examAttempt.id,
  examId: examAttempt.examId,
  userId: examAttempt.userId,
  status: examAttempt.status,
  questionIds: examAttempt.questionIds,
  choiceOrders: examAttempt.choiceOrders,
  exerciseIds: examAttempt.exerciseIds,
  answers: examAttempt.answers,
  flaggedQuestionIds: examAttempt.flaggedQuestionIds,
  partAScore: examAttempt.partAScore,
  partAMaxScore: examAttempt.partAMaxScore,
  partAChapters: examAttempt.partAChapters,
  score: examAttempt.score,
  maxScore: examAttempt.maxScore,
  startedAt: examAttempt.startedAt,
  deadlineAt: examAttempt.deadlineAt,
  submittedAt: examAttempt.submittedAt,
};

export type AttemptRow = Awaited<ReturnType<typeof readOwnAttempt>>;

function attemptNotFound(): DomainError {
  return new DomainError("NOT_FOUND", "There is no such exam attempt of yours. Open your exams to find your attempts.");
}

/** The learner's own attempt; another learner's reads as missing, so attempt ids reveal nothing. */
export async function readOwnAttempt(db: DbExecutor, userId: string, attemptId: string) {
  const [row] = await db
    .select(attemptColumns)
    .from(examAttempt)
    .where(and(eq(examAttempt.id, attemptId), eq(examAttempt.userId, userId)));
  if (!row) throw attemptNotFound();
  return row;
}

/** The same, locked until the transaction ends: submitting and the deadline sweep serialise on it. */
export async function lockOwnAttempt(tx: DbExecutor, userId: string, attemptId: string) {
  const [row] = await tx
    .select(attemptColumns)
    .from(examAttempt)
    .where(and(eq(examAttempt.id, attemptId), eq(examAttempt.userId, userId)))
    .for("update");
  if (!row) throw attemptNotFound();
  return row;
}

export function isOverdue(attempt: Pick<AttemptRow, "status" | "deadlineAt">, now: Date): boolean {
  return attempt.status === "in-progress" && now.getTime() >= attempt.deadlineAt.getTime();
}

