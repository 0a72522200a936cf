import { toPublicQuestion } from "@academy/content";
import type { Db } from "@academy/db";

import { findSectionOrThrow } from "./find-section";
import { QUIZ_PASS_RATIO } from "./quiz-pass-mark";
import { listBestQuizScores } from "./read-progress";

/** A quiz as the browser sees it before submission: no answers, no explanations. */
export async function getQuiz(db: Db, userId: string, sectionId: string) {
  const section = findSectionOrThrow(sectionId);
  const best = await listBestQuizScores(db, userId, section.id);
  return {
    sectionId: section.id,
    title: section.title,
    questions: section.quiz.questions.map(toPublicQuestion),
    passRatio: QUIZ_PASS_RATIO,
    bestScore: best.get(section.id) ?? null,
  };
}
