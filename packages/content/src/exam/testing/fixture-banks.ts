import { questionSchema } from "../../curriculum/schema";
import type { QuestionKind, QuizQuestion } from "../../curriculum/schema";
import type { ExerciseDifficulty } from "../blueprint-schema";
import type { ExamExercise, ExamQuestionBank } from "../exam-bank";

const explanation = "The explanation teaches why the right choice is right and the others are wrong.";

/** A valid quiz question of `kind` whose correct choice is `b` (or `true`, or `b` and `d`). */
export function makeQuestion(id: string, kind: QuestionKind = "single"): QuizQuestion {
  const letters = kind === "multiple" ? ["a", "b", "c", "d", "e"] : ["a", "b", "c", "d"];
  const choiceText = (letter: string, index: number) => (kind === "status-code" ? `${200 + index} Status ${id}` : `${id} choice ${letter}`);
  const choices = kind === "true-false" ? [{ id: "true", text: "True" }, { id: "false", text: "False" }] : letters.map((letter, index) => ({ id: letter, text: choiceText(letter, index) }));
  const answer = kind === "true-false" ? ["true"] : kind === "multiple" ? ["b", "d"] : ["b"];
  const prompt = kind === "multiple" ? `${id}? Select all that apply.` : `${id}?`;
  return questionSchema.parse({ id, kind, prompt, ...(kind === "code-output" ? { code: "print(1)" } : {}), choices, answer, explanation: `${explanation} (${id})` });
}

const kindCycle: QuestionKind[] = ["single", "multiple", "true-false", "code-output", "status-code"];

/** `counts[chapter]` questions in each chapter's section N.1, their kinds cycling through all five. */
export function makeQuestionBank(counts: Record<number, number>): ExamQuestionBank {
  const chapters = Object.keys(counts).map(Number);
  return {
    chapters,
    questions: chapters.flatMap((chapter) =>
      Array.from({ length: counts[chapter]! }, (_, index) => ({
        chapter,
        section: `${chapter}.1`,
        question: makeQuestion(`${chapter}.1-question-${index + 1}`, kindCycle[index % kindCycle.length]),
      })),
    ),
  };
}

export function makeExercise(id: string, difficulty: ExerciseDifficulty, kind: ExamExercise["kind"] = "implement"): ExamExercise {
  return { id, title: `Exercise ${id}`, section: "3.1", difficulty, kind };
}
