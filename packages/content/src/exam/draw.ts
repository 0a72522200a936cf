import { toPublicQuestion } from "../curriculum/public-quiz";
import type { PublicQuestion } from "../curriculum/public-quiz";
import type { QuizQuestion } from "../curriculum/schema";
import type { ExamBlueprint } from "./blueprint-schema";
import type { ExamExercise, ExamQuestionBank } from "./exam-bank";
import { assertBankFillsBlueprint, isUsableExercise, isUsableQuestion } from "./fill-check";
import { createSeededRandom, sampleItems, shuffleItems } from "./seeded-random";

/** A drawn question as the learner may see it: choices in the attempt's order, under their quiz ids. */
export type ExamDrawQuestion = PublicQuestion & { chapter: number; section: string };
export type ExamDrawExercise = Pick<ExamExercise, "id" | "title" | "section" | "difficulty">;
export type ExamDraw = { seed: string; questions: ExamDrawQuestion[]; exercises: ExamDrawExercise[] };

export type ExamDrawInput = { blueprint: ExamBlueprint; questionBank: ExamQuestionBank; exercises: readonly ExamExercise[]; seed: string };

// Code-point order, not the locale's: the same bank must give the same draw on every machine.
function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The question's choices in the attempt's order. Choices keep their quiz ids, so answers are stored
 * and graded by id whatever the order. True/false keeps "True, False": swapping two fixed words hides nothing.
 */
export function orderChoices(seed: string, question: QuizQuestion): QuizQuestion["choices"] {
  if (question.kind === "true-false") return [...question.choices];
  return shuffleItems(question.choices, createSeededRandom(seed, `choices:${question.id}`));
}

function drawQuestions({ blueprint, questionBank, seed }: ExamDrawInput): ExamDrawQuestion[] {
  const picked = blueprint.partA.chapters.flatMap(({ chapter, questions }) => {
    const usable = questionBank.questions
      .filter((entry) => entry.chapter === chapter && isUsableQuestion(blueprint, entry))
      .sort((a, b) => compareIds(a.question, b.question));
    return sampleItems(usable, questions, createSeededRandom(seed, `chapter:${chapter}`));
  });
  return shuffleItems(picked, createSeededRandom(seed, "question-order")).map(({ chapter, section, question }) => ({
    ...toPublicQuestion({ ...question, choices: orderChoices(seed, question) }),
    chapter,
    section,
  }));
}

function drawExercises({ blueprint, exercises, seed }: ExamDrawInput): ExamDrawExercise[] {
  const random = createSeededRandom(seed, "exercises");
  const taken = new Set<string>();
  return blueprint.partB.exercises.map(({ difficulty }) => {
    const candidates = exercises
      .filter((exercise) => exercise.difficulty === difficulty && isUsableExercise(blueprint, exercise) && !taken.has(exercise.id))
      .sort(compareIds);
    const { id, title, section } = candidates[random.nextInt(candidates.length)]!;
    taken.add(id);
    return { id, title, section, difficulty };
  });
}

/**
 * One attempt's draw: the blueprint's questions per chapter in a shuffled order with shuffled
 * choices, and its exercises. The same seed and banks give the same draw. Only public question data
 * leaves: grading looks the answers up by question id.
 */
export function drawExam(input: ExamDrawInput): ExamDraw {
  assertBankFillsBlueprint(input.blueprint, input.questionBank, input.exercises);
  return { seed: input.seed, questions: drawQuestions(input), exercises: drawExercises(input) };
}
