import { questionKinds } from "../curriculum/schema";
import { examBlueprintSchema } from "./blueprint-schema";

/**
 * The exam as lessons 10.1 and 10.4 describe it (issue 12): one 90-minute sitting; Part A, 40
 * questions from the chapter 1-9 quizzes, 60%; Part B, one core and one advanced exercise graded by
 * hidden tests, best submission counting, 40%; 70% to pass. The lessons' numbers are pinned to these
 * by lessons-agree.test.ts.
 */
export const examBlueprint = examBlueprintSchema.parse({
  durationMinutes: 90,
  passPercent: 70,
  partA: {
    weightPercent: 60,
    questionCount: 40,
    // Every kind: gradeQuizAnswers scores each of them from the stored choice ids, no human needed.
    questionKinds: [...questionKinds],
    chapters: [
      { chapter: 1, questions: 2 },
      { chapter: 2, questions: 6 },
      { chapter: 3, questions: 7 },
      { chapter: 4, questions: 6 },
      { chapter: 5, questions: 5 },
      { chapter: 6, questions: 4 },
      { chapter: 7, questions: 3 },
      { chapter: 8, questions: 4 },
      { chapter: 9, questions: 3 },
    ],
  },
  partB: {
    weightPercent: 40,
    exerciseKinds: ["implement"],
    exercises: [{ difficulty: "core" }, { difficulty: "advanced" }],
    scoring: "best-submission",
  },
});
