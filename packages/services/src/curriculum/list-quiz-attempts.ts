import type { Db } from "@academy/db";
import { and, desc, eq, schema } from "@academy/db";

import { findSectionOrThrow } from "./find-section";
import { isQuizPassed } from "./quiz-pass-mark";
import { listBestQuizScores } from "./read-progress";

/** The learner's attempts at one quiz, newest first, with the best score. */
export async function listQuizAttempts(db: Db, userId: string, sectionId: string) {
  const section = findSectionOrThrow(sectionId);
  const { quizAttempt } = schema;
  const attempts = await db
    .select({ id: quizAttempt.id, score: quizAttempt.score, maxScore: quizAttempt.maxScore, createdAt: quizAttempt.createdAt })
    .from(quizAttempt)
    .where(and(eq(quizAttempt.userId, userId), eq(quizAttempt.sectionId, section.id)))
    .orderBy(desc(quizAttempt.createdAt))
    .limit(50);
  const bestScore = (await listBestQuizScores(db, userId, section.id)).get(section.id) ?? null;
  return { sectionId: section.id, attempts, bestScore, isPassed: isQuizPassed(bestScore) };
}
