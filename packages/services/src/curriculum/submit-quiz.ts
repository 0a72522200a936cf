import { findInvalidAnswers, gradeQuizAnswers } from "@academy/content";
import type { QuizAnswers } from "@academy/content";
import type { Db } from "@academy/db";
import { schema } from "@academy/db";

import { DomainError } from "../domain-error";
import { assertNotSittingScheduledExam } from "../exam/attempt-in-progress";
import type { Clock } from "../exam/clock";
import { systemClock } from "../exam/clock";
import { findSectionOrThrow } from "./find-section";
import { isQuizPassed } from "./quiz-pass-mark";
import { listBestQuizScores } from "./read-progress";

/** Grades the answers, stores the attempt, and returns what was right with the explanations. */
export async function submitQuiz(db: Db, userId: string, input: { sectionId: string; answers: QuizAnswers }, clock: Clock = systemClock) {
  const section = findSectionOrThrow(input.sectionId);
  await assertNotSittingScheduledExam(
    db,
    userId,
    clock(),
    "Quizzes are closed while you sit an exam: its questions come from them. Submit your exam (or let its time run out) and they open again.",
  );
  const problems = findInvalidAnswers(section.quiz, input.answers);
  if (problems.length > 0) {
    throw new DomainError("BAD_REQUEST", `These answers do not fit the quiz: ${problems.join("; ")}. Reload the page and answer again.`);
  }
  const grade = gradeQuizAnswers(section.quiz, input.answers);
  const [attempt] = await db
    .insert(schema.quizAttempt)
    .values({ userId, sectionId: section.id, answers: input.answers, score: grade.score, maxScore: grade.maxScore })
    .returning({ id: schema.quizAttempt.id, createdAt: schema.quizAttempt.createdAt });
  const bestScore = (await listBestQuizScores(db, userId, section.id)).get(section.id) ?? null;
  return {
    attemptId: attempt!.id,
    createdAt: attempt!.createdAt,
    score: grade.score,
    maxScore: grade.maxScore,
    isPassed: isQuizPassed(grade),
    questions: grade.questions,
    bestScore,
  };
}
