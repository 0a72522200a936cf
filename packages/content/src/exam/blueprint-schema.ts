import { z } from "zod";

import type { ExerciseConfig } from "@academy/exercises";

import { questionKinds } from "../curriculum/schema";

export const exerciseDifficulties = ["intro", "core", "advanced"] as const satisfies readonly ExerciseConfig["difficulty"][];
export type ExerciseDifficulty = ExerciseConfig["difficulty"];
export type ExerciseKind = ExerciseConfig["kind"];
const exerciseKinds = ["implement", "write-tests"] as const satisfies readonly ExerciseKind[];

const percent = z.number().int().min(1).max(100);

const partASchema = z.strictObject({
  weightPercent: percent,
  questionCount: z.number().int().min(1),
  /** Only these kinds are drawn; every kind the quiz grader scores on its own may be listed. */
  questionKinds: z.array(z.enum(questionKinds)).min(1),
  chapters: z.array(z.strictObject({ chapter: z.number().int().min(1), questions: z.number().int().min(1) })).min(1),
});

const partBSchema = z.strictObject({
  weightPercent: percent,
  /** "implement" exercises are graded by hidden tests; "write-tests" ones by mutants, so they stay out. */
  exerciseKinds: z.array(z.enum(exerciseKinds)).min(1),
  exercises: z.array(z.strictObject({ difficulty: z.enum(exerciseDifficulties) })).min(1),
  scoring: z.literal("best-submission"),
});

function sum(numbers: number[]): number {
  return numbers.reduce((total, n) => total + n, 0);
}

/** The exam's shape: checked alone here; against the question and exercise banks by assertBankFillsBlueprint. */
export const examBlueprintSchema = z
  .strictObject({
    durationMinutes: z.number().int().min(1).max(600),
    passPercent: percent,
    partA: partASchema,
    partB: partBSchema,
  })
  .superRefine((blueprint, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const weights = blueprint.partA.weightPercent + blueprint.partB.weightPercent;
    if (weights !== 100) issue(["partB", "weightPercent"], `the parts' weights add up to ${weights}%, not 100%`);
    const { chapters, questionCount, questionKinds: kinds } = blueprint.partA;
    const counted = sum(chapters.map((c) => c.questions));
    if (counted !== questionCount) issue(["partA", "chapters"], `the chapters' counts add up to ${counted}, the question total is ${questionCount}`);
    const numbers = chapters.map((c) => c.chapter);
    if (new Set(numbers).size !== numbers.length) issue(["partA", "chapters"], "lists a chapter twice");
    if (numbers.some((n, i) => i > 0 && n < numbers[i - 1]!)) issue(["partA", "chapters"], "lists the chapters in order");
    if (new Set(kinds).size !== kinds.length) issue(["partA", "questionKinds"], "lists a kind twice");
  });

export type ExamBlueprint = z.output<typeof examBlueprintSchema>;
