import { toPublicQuestion } from "@academy/content";
import type { Db } from "@academy/db";
import { inArray, schema } from "@academy/db";

import type { AttemptRow } from "./attempt-row";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { listKeptBankQuestions } from "./exam-bank";
import { describeAttempt, readCurrentAttempt } from "./finish-attempt";

/**
 * The attempt's questions as the learner sees them: its order, each question's stored choice order,
 * no answer or explanation. A question removed from the curriculum since the draw is left out, as Part A's grading leaves it out.
 */
export function listAttemptQuestions(attempt: Pick<AttemptRow, "questionIds" | "choiceOrders">) {
  return listKeptBankQuestions(attempt.questionIds).map(({ chapter, section, question }) => {
    const { id } = question;
    const choicesById = new Map(question.choices.map((choice) => [choice.id, choice]));
    // A choice removed from the quiz since the draw is left out rather than shown blank.
    const choices = (attempt.choiceOrders[id] ?? []).flatMap((choiceId) => choicesById.get(choiceId) ?? []);
    return { ...toPublicQuestion({ ...question, choices }), chapter, section };
  });
}

/** Part B's exercises with their titles, in the attempt's order. */
export async function listAttemptExercises(db: Db, exerciseIds: string[]) {
  const rows = await db
    .select({ id: schema.exercise.id, title: schema.exercise.title, section: schema.exercise.section, difficulty: schema.exercise.difficulty })
    .from(schema.exercise)
    .where(inArray(schema.exercise.id, exerciseIds));
  return exerciseIds.flatMap((id) => rows.filter((row) => row.id === id));
}

/**
 * An attempt for the exam page: questions, the learner's answers and flags, the server-kept
 * deadline and the server's time (the countdown survives a reload or another device).
 */
export async function getExamAttempt(db: Db, userId: string, attemptId: string, clock: Clock = systemClock) {
  const now = clock();
  const attempt = await readCurrentAttempt(db, userId, attemptId, now);
  return {
    ...describeAttempt(attempt),
    now,
    questions: listAttemptQuestions(attempt),
    exercises: await listAttemptExercises(db, attempt.exerciseIds),
    answers: Object.entries(attempt.answers).map(([questionId, { choiceIds, savedAt }]) => ({ questionId, choiceIds, savedAt: new Date(savedAt) })),
    flaggedQuestionIds: attempt.flaggedQuestionIds,
  };
}
