import type { Db } from "@academy/db";
import { and, eq, gt, schema, sql } from "@academy/db";

import { DomainError } from "../domain-error";
import type { AttemptRow } from "./attempt-row";
import { readOwnAttempt } from "./attempt-row";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { readExamQuestionBank } from "./exam-bank";

const { examAttempt } = schema;

function refuseChange(attempt: Pick<AttemptRow, "status" | "deadlineAt">): DomainError {
  if (attempt.status !== "in-progress") {
    return new DomainError("PRECONDITION_FAILED", "This exam has been submitted, so it can no longer change. The answers saved before are kept.");
  }
  return new DomainError(
    "PRECONDITION_FAILED",
    `Time is up: this exam ended at ${attempt.deadlineAt.toISOString()}, so this change was not saved. The answers saved before the deadline are kept.`,
  );
}

function assertQuestionOfAttempt(attempt: AttemptRow, questionId: string) {
  if (!attempt.questionIds.includes(questionId)) {
    throw new DomainError("BAD_REQUEST", `Question ${questionId} is not part of this exam. Reload the exam page.`);
  }
}

/**
 * Changes the attempt in one statement that holds only while it is in progress and before its
 * deadline; submitting locks the same row, so a change lands before the grading or not at all.
 */
async function updateOpenAttempt(db: Db, attempt: AttemptRow, now: Date, set: Partial<Record<"answers" | "flaggedQuestionIds", ReturnType<typeof sql>>>) {
  const updated = await db
    .update(examAttempt)
    .set(set)
    .where(and(eq(examAttempt.id, attempt.id), eq(examAttempt.userId, attempt.userId), eq(examAttempt.status, "in-progress"), gt(examAttempt.deadlineAt, now)))
    .returning({ id: examAttempt.id });
  if (updated.length === 0) throw refuseChange(await readOwnAttempt(db, attempt.userId, attempt.id));
}

/** Why a guarded save changed nothing, read only then: the attempt, its state, the question and its choices, in that order. */
async function explainRefusedSave(db: Db, userId: string, input: { attemptId: string; questionId: string }, choiceIds: string[], now: Date) {
  const attempt = await readOwnAttempt(db, userId, input.attemptId);
  if (attempt.status !== "in-progress" || now >= attempt.deadlineAt) return refuseChange(attempt);
  assertQuestionOfAttempt(attempt, input.questionId);
  const offered = attempt.choiceOrders[input.questionId] ?? [];
  const unknown = choiceIds.filter((id) => !offered.includes(id));
  if (unknown.length > 0) return new DomainError("BAD_REQUEST", `Question ${input.questionId} has no choice ${unknown.join(", ")}. Reload the exam page.`);
  return new DomainError("CONFLICT", "Your answer could not be saved. Try again.");
}

/**
 * Saves one answer as given (an empty selection clears it), with the time it was saved. The common
 * case is one statement, guarded by the attempt's state, deadline, question and choices (a whole
 * exam's answers arrive at once at a scheduled exam's opening); the attempt is read only to say
 * why a save was refused.
 */
export async function saveExamAnswer(
  db: Db,
  userId: string,
  input: { attemptId: string; questionId: string; choiceIds: string[] },
  clock: Clock = systemClock,
) {
  const now = clock();
  const choiceIds = [...new Set(input.choiceIds)];
  const question = readExamQuestionBank().byId.get(input.questionId)?.question;
  if (question && question.kind !== "multiple" && choiceIds.length > 1) {
    throw new DomainError("BAD_REQUEST", `Question ${input.questionId} takes a single choice.`);
  }
  const saved = { choiceIds, savedAt: now.toISOString() };
  const updated = await db
    .update(examAttempt)
    .set({ answers: sql`${examAttempt.answers} || jsonb_build_object(${input.questionId}::text, ${JSON.stringify(saved)}::jsonb)` })
    .where(
      and(
        eq(examAttempt.id, input.attemptId),
        eq(examAttempt.userId, userId),
        eq(examAttempt.status, "in-progress"),
        gt(examAttempt.deadlineAt, now),
        sql`${examAttempt.questionIds} ? ${input.questionId}::text`,
        sql`coalesce(${examAttempt.choiceOrders} -> ${input.questionId}::text, '[]'::jsonb) @> ${JSON.stringify(choiceIds)}::jsonb`,
      ),
    )
    .returning({ id: examAttempt.id });
  if (updated.length === 0) throw await explainRefusedSave(db, userId, input, choiceIds, now);
  return { questionId: input.questionId, choiceIds, savedAt: now };
}

/** Flags a question for review, or clears the flag. */
export async function flagExamQuestion(
  db: Db,
  userId: string,
  input: { attemptId: string; questionId: string; isFlagged: boolean },
  clock: Clock = systemClock,
) {
  const now = clock();
  const attempt = await readOwnAttempt(db, userId, input.attemptId);
  if (attempt.status !== "in-progress" || now >= attempt.deadlineAt) throw refuseChange(attempt);
  assertQuestionOfAttempt(attempt, input.questionId);
  const withoutIt = sql`(${examAttempt.flaggedQuestionIds} - ${input.questionId}::text)`;
  await updateOpenAttempt(db, attempt, now, {
    flaggedQuestionIds: input.isFlagged ? sql`${withoutIt} || jsonb_build_array(${input.questionId}::text)` : withoutIt,
  });
  return { questionId: input.questionId, isFlagged: input.isFlagged };
}
