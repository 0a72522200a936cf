import { getAdjacentSections, listChapters, listSectionExercises } from "@academy/content";

import { findSectionOrThrow } from "./find-section";

/** One lesson to read: its Markdown, neighbours and practice exercises; the learner's marks are getLessonProgress's. */
export function getLesson(sectionId: string, exercisesDir: string) {
  const section = findSectionOrThrow(sectionId);
  const chapter = listChapters().find((c) => c.number === section.chapter)!;
  const { previous, next } = getAdjacentSections(section.id);
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
  };
}
