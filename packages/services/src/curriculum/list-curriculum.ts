import { listChapters, listExerciseSummaries } from "@academy/content";
import type { Db } from "@academy/db";

import { listBestQuizScores, listReadSectionIds } from "./read-progress";
import { isQuizPassed } from "./quiz-pass-mark";

/** Every chapter and section with the caller's progress (none for a signed-out visitor). */
export async function listCurriculum(db: Db, userId: string | null, exercisesDir: string) {
  const [read, best] = userId ? await Promise.all([listReadSectionIds(db, userId), listBestQuizScores(db, userId)]) : [new Set<string>(), new Map()];
  const exercises = listExerciseSummaries({ dir: exercisesDir });
  return listChapters().map((chapter) => ({
    number: chapter.number,
    title: chapter.title,
    summary: chapter.summary,
    sections: chapter.sections.map((section) => {
      const bestScore = best.get(section.id) ?? null;
      return {
        id: section.id,
        title: section.title,
        summary: section.summary,
        wordCount: section.wordCount,
        questionCount: section.quiz.questions.length,
        exerciseCount: exercises.filter((exercise) => exercise.section === section.id).length,
        isRead: read.has(section.id),
        bestScore,
        isQuizPassed: isQuizPassed(bestScore),
      };
    }),
  }));
}
