import { getAdjacentSections, listChapters, listSectionExercises } from "@academy/content";
import type { Db } from "@academy/db";

import { findSectionOrThrow } from "./find-section";
import { isQuizPassed } from "./quiz-pass-mark";
import { listBestQuizScores, listReadSectionIds } from "./read-progress";

/** One lesson to read: its Markdown, neighbours and practice exercises. */
export async function getLesson(db: Db, userId: string | null, sectionId: string, exercisesDir: string) {
  const section = findSectionOrThrow(sectionId);
  const chapter = listChapters().find((c) => c.number === section.chapter)!;
  const { previous, next } = getAdjacentSections(section.id);
  const [read, best] = userId
    ? await Promise.all([listReadSectionIds(db, userId, section.id), listBestQuizScores(db, userId, section.id)])
    : [new Set<string>(), new Map()];
  return {
    id: section.id,
    title: section.title,
    summary: section.summary,
    body: section.body,
    wordCount: section.wordCount,
    questionCount: section.quiz.questions.length,
    chapter: { number: chapter.number, title: chapter.title },
    previous: previous && { id: previous.id, title: previous.title },
    next: next && { id: next.id, title: next.title },
    exercises: listSectionExercises(section.id, { dir: exercisesDir }),
    isRead: read.has(section.id),
    bestScore: best.get(section.id) ?? null,
    isQuizPassed: isQuizPassed(best.get(section.id) ?? null),
  };
}
