export { exerciseConfigSchema, type ExerciseConfig } from "./schema";
export { EXERCISE_ID_PATTERN, FILE_NAME_PATTERN, submissionLimits } from "./submission-limits";
export { loadExercise, type LoadedExercise, type InternalPaths } from "./load-exercise";
export { hashExerciseFolder } from "./content-hash";
export { ExerciseFolderError } from "./errors";
export { listFiles, readTextFiles, type TextFile } from "./read-files";
export { findWorkspaceRoot, resolveExercisesDir } from "./exercises-dir";
