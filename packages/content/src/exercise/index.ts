export { exerciseConfigSchema, type ExerciseConfig } from "./schema";
export { loadExercise, type LoadedExercise, type InternalPaths } from "./load-exercise";
export { hashExerciseFolder } from "./content-hash";
export { ExerciseFolderError } from "./errors";
export { listFiles, readTextFiles, type TextFile } from "./read-files";
