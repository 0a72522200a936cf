import type { Curriculum } from "../curriculum/load-curriculum";
import type { QuizQuestion } from "../curriculum/schema";
import type { ExerciseDifficulty, ExerciseKind } from "./blueprint-schema";

export type ExamBankQuestion = { chapter: number; section: string; question: QuizQuestion };

/** Every quiz question with its chapter, and the chapters that exist (a blueprint may only name those). */
export type ExamQuestionBank = { chapters: number[]; questions: ExamBankQuestion[] };

/** What the exam needs of an exercise: exercise folders' configs and the synced exercise rows both fit. */
export type ExamExercise = { id: string; title: string; section: string; difficulty: ExerciseDifficulty; kind: ExerciseKind };

export function buildExamQuestionBank(curriculum: Pick<Curriculum, "chapters">): ExamQuestionBank {
  return {
    chapters: curriculum.chapters.map((chapter) => chapter.number),
    questions: curriculum.chapters.flatMap((chapter) =>
      chapter.sections.flatMap((section) => section.quiz.questions.map((question) => ({ chapter: chapter.number, section: section.id, question }))),
    ),
  };
}
