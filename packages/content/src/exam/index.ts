export { examBlueprintSchema, exerciseDifficulties } from "./blueprint-schema";
export type { ExamBlueprint, ExerciseDifficulty, ExerciseKind } from "./blueprint-schema";
export { examBlueprint } from "./blueprint";
export { buildExamQuestionBank } from "./exam-bank";
export type { ExamBankQuestion, ExamExercise, ExamQuestionBank } from "./exam-bank";
export { assertBankFillsBlueprint, ExamBlueprintError, findBlueprintShortfalls, isUsableExercise, isUsableQuestion } from "./fill-check";
export { listExamExercises, loadExamBlueprint } from "./load-exam-blueprint";
export type { ExamBanks } from "./load-exam-blueprint";
