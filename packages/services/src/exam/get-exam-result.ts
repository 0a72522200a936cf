import type { Db } from "@academy/db";
import { desc, eq, schema, sql } from "@academy/db";

import { DomainError } from "../domain-error";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { describeAttempt, readCurrentAttempt } from "./finish-attempt";
import { listAttemptExercises, listAttemptQuestions } from "./get-exam-attempt";
import { gradePartA } from "./grade-part-a";
import { isResultWithheld, resultNotReleased } from "./scheduled/result-release";

/**
 * A finished attempt's result: every question with the learner's answer, the right answer and the
 * explanation, Part A by chapter, and Part B's exercises (graded by a later step: "not graded yet").
 * Refused while the attempt is in progress, so no answer leaves before submission.
 */
export async function getExamResult(db: Db, userId: string, attemptId: string, clock: Clock = systemClock) {
  const attempt = await readCurrentAttempt(db, userId, attemptId, clock());
  if (attempt.status === "in-progress") {
    throw new DomainError("PRECONDITION_FAILED", "This exam is still in progress: its result is shown once you submit it or its time runs out.");
  }
  if (await isResultWithheld(db, attempt.examId)) throw resultNotReleased();
  const graded = new Map(gradePartA(attempt.questionIds, attempt.answers).questions.map((q) => [q.questionId, q]));
  const questions = listAttemptQuestions(attempt).map((question) => {
    const grade = graded.get(question.id)!;
    return { ...question, selected: grade.selected, correct: grade.correct, isCorrect: grade.isCorrect, explanation: grade.explanation };
  });
  const exercises = await listAttemptExercises(db, attempt.exerciseIds);
  return {
    ...describeAttempt(attempt),
    submittedAt: attempt.submittedAt!,
    partA: { score: attempt.partAScore!, maxScore: attempt.partAMaxScore!, chapters: attempt.partAChapters ?? [] },
    questions,
    partB: { exercises: exercises.map((exercise) => ({ ...exercise, grading: "not-graded-yet" as const })) },
  };
}

/** The learner's attempts, newest first, with Part A's score once submitted. */
export async function listExamHistory(db: Db, userId: string) {
  const { examAttempt, exam } = schema;
  const isWithheld = sql`(${exam.kind} = 'exam' and ${exam.resultsReleasedAt} is null)`;
  return db
    .select({
      attemptId: examAttempt.id,
      examId: examAttempt.examId,
      examTitle: exam.title,
      examKind: exam.kind,
      status: examAttempt.status,
      startedAt: examAttempt.startedAt,
      deadlineAt: examAttempt.deadlineAt,
      submittedAt: examAttempt.submittedAt,
      // A scheduled exam's score stays hidden until its instructor releases the results.
      partAScore: sql<number | null>`case when ${isWithheld} then null else ${examAttempt.partAScore} end`.mapWith(examAttempt.partAScore),
      partAMaxScore: sql<number | null>`case when ${isWithheld} then null else ${examAttempt.partAMaxScore} end`.mapWith(examAttempt.partAMaxScore),
      isResultWithheld: sql<boolean>`(${examAttempt.status} <> 'in-progress' and ${isWithheld})`,
    })
    .from(examAttempt)
    .innerJoin(exam, eq(exam.id, examAttempt.examId))
    .where(eq(examAttempt.userId, userId))
    .orderBy(desc(examAttempt.startedAt));
}
