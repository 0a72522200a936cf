import type { ExamBlueprint } from "./blueprint-schema";
import type { ExamBankQuestion, ExamExercise, ExamQuestionBank } from "./exam-bank";

export class ExamBlueprintError extends Error {
  constructor(readonly problems: string[]) {
    super(`the question and exercise banks cannot fill the exam blueprint:\n- ${problems.join("\n- ")}`);
    this.name = "ExamBlueprintError";
  }
}

export function isUsableQuestion(blueprint: ExamBlueprint, entry: ExamBankQuestion): boolean {
  return blueprint.partA.questionKinds.includes(entry.question.kind);
}

export function isUsableExercise(blueprint: ExamBlueprint, exercise: ExamExercise): boolean {
  return blueprint.partB.exerciseKinds.includes(exercise.kind);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Every reason the banks cannot fill the blueprint; empty when they can. */
export function findBlueprintShortfalls(blueprint: ExamBlueprint, bank: ExamQuestionBank, exercises: readonly ExamExercise[]): string[] {
  const problems: string[] = [];
  for (const { chapter, questions: needed } of blueprint.partA.chapters) {
    if (!bank.chapters.includes(chapter)) {
      problems.push(`chapter ${chapter} is not a chapter of the curriculum`);
      continue;
    }
    const usable = bank.questions.filter((entry) => entry.chapter === chapter && isUsableQuestion(blueprint, entry)).length;
    if (usable < needed) problems.push(`chapter ${chapter} has ${plural(usable, "question")} usable in the exam, the blueprint needs ${needed}`);
  }
  const kinds = blueprint.partB.exerciseKinds.join(" or ");
  for (const difficulty of new Set(blueprint.partB.exercises.map((slot) => slot.difficulty))) {
    const needed = blueprint.partB.exercises.filter((slot) => slot.difficulty === difficulty).length;
    const usable = exercises.filter((exercise) => exercise.difficulty === difficulty && isUsableExercise(blueprint, exercise)).length;
    if (usable === 0) problems.push(`no exercise of difficulty ${difficulty} (of kind ${kinds})`);
    else if (usable < needed) problems.push(`${plural(usable, "exercise")} of difficulty ${difficulty} (of kind ${kinds}), the blueprint needs ${needed}`);
  }
  return problems;
}

/** Throws ExamBlueprintError naming every chapter or difficulty the banks cannot fill. */
export function assertBankFillsBlueprint(blueprint: ExamBlueprint, bank: ExamQuestionBank, exercises: readonly ExamExercise[]): void {
  const problems = findBlueprintShortfalls(blueprint, bank, exercises);
  if (problems.length > 0) throw new ExamBlueprintError(problems);
}
