import type { Db } from "@academy/db";

import { findSectionOrThrow } from "./find-section";
import { isQuizPassed } from "./quiz-pass-mark";
import { listBestQuizScores, listReadSectionIds } from "./read-progress";

/** The learner's marks on one lesson, kept apart from its content, which is the same for everyone. */
export async function getLessonProgress(db: Db, userId: string, sectionId: string) {
  const section = findSectionOrThrow(sectionId);
  const [read, best] = await Promise.all([listReadSectionIds(db, userId, section.id), listBestQuizScores(db, userId, section.id)]);
  const bestScore = best.get(section.id) ?? null;
  return { sectionId: section.id, isRead: read.has(section.id), bestScore, isQuizPassed: isQuizPassed(bestScore) };
}
