import { randomUUID } from "node:crypto";

import type { Db } from "@academy/db";
import { eq, schema } from "@academy/db";

import { DomainError } from "../domain-error";
import { readOwnAttempt } from "../exam/attempt-row";
import { findBankQuestion } from "../exam/exam-bank";
import { saveExamAnswer } from "../exam/save-exam-answer";
import { startMockExam } from "../exam/start-mock-exam";
import { submitExamAttempt } from "../exam/submit-exam-attempt";
import { storeGradingResult } from "../submission/store-grading-result";
import type { Random } from "./plan-demo-history";
import type { RecordedAttempt, RecordedExercise } from "./recorded-reports";

const MINUTE_MS = 60_000;

export type MockExamRecordings = {
  exercises: Map<string, { recording: RecordedExercise; versionId: string }>;
  readFiles: (exerciseId: string, attempt: RecordedAttempt) => Promise<{ name: string; content: string }[]>;
};

/** Part B's answer: the solution with the learner's skill as its chance, else their best near miss. */
function chooseExamAttempt(recording: RecordedExercise, skill: number, random: Random) {
  const solution = recording.attempts.find((attempt) => attempt.kind === "solution");
  if (solution && random() < skill) return solution;
  const misses = recording.attempts.filter((attempt) => attempt.kind !== "solution").sort((a, b) => b.report.score - a.report.score);
  return misses[0] ?? solution;
}

/**
 * A finished mock exam sat at `sittingAt`, through the exam services with their clock set to the
 * sitting: the attempt drawn, each Part A answer saved a minute or two apart, Part B's code stored as
 * graded submissions of the attempt (from the recorded gradings, through storeGradingResult), then
 * submitted, which grades Part A and settles the score. False when no mock exam can be drawn.
 */
export async function seedDemoMockExam(
  db: Db,
  input: { userId: string; sittingAt: Date; skill: number; random: Random; recordings: MockExamRecordings },
): Promise<boolean> {
  const { userId, skill, random } = input;
  const at = (minutes: number) => () => new Date(input.sittingAt.getTime() + minutes * MINUTE_MS);
  let attemptId: string;
  try {
    ({ attemptId } = await startMockExam(db, userId, at(0)));
  } catch (error) {
    if (error instanceof DomainError && error.code === "PRECONDITION_FAILED") return false;
    throw error;
  }
  const attempt = await readOwnAttempt(db, userId, attemptId);
  // Within the sitting: about 45% of it on Part A, a fifth on each Part B exercise, submitted before the deadline.
  const sittingMinutes = (attempt.deadlineAt.getTime() - attempt.startedAt.getTime()) / MINUTE_MS;
  const questionMinutes = (0.45 * sittingMinutes) / Math.max(1, attempt.questionIds.length);
  let minutes = 1;
  for (const questionId of attempt.questionIds) {
    const { question } = findBankQuestion(questionId);
    const wrong = (attempt.choiceOrders[questionId] ?? []).filter((id) => !question.answer.includes(id));
    const choiceIds = random() < skill || wrong.length === 0 ? [...question.answer] : [wrong[Math.floor(random() * wrong.length)]!];
    minutes += questionMinutes * (0.6 + random() * 0.8);
    await saveExamAnswer(db, userId, { attemptId, questionId, choiceIds }, at(minutes));
  }
  for (const exerciseId of attempt.exerciseIds) {
    const recorded = input.recordings.exercises.get(exerciseId);
    const chosen = recorded && chooseExamAttempt(recorded.recording, skill, random);
    if (!recorded || !chosen) continue;
    minutes += sittingMinutes * (0.14 + random() * 0.12);
    const createdAt = at(minutes)();
    const startedAt = new Date(createdAt.getTime() + 400);
    const id = randomUUID();
    await db.insert(schema.submission).values({
      id,
      userId,
      exerciseId,
      exerciseVersionId: recorded.versionId,
      examAttemptId: attemptId,
      status: "running",
      files: await input.recordings.readFiles(exerciseId, chosen),
      createdAt,
      startedAt,
    });
    await storeGradingResult(db, id, chosen.report);
    await db
      .update(schema.submission)
      .set({ finishedAt: new Date(startedAt.getTime() + chosen.report.timing.totalMs) })
      .where(eq(schema.submission.id, id));
  }
  await submitExamAttempt(db, userId, attemptId, at(Math.min(minutes + 2 + random() * 5, sittingMinutes - 1)));
  return true;
}
