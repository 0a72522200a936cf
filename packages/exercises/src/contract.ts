// The pure half of the package (no files, no Node APIs): safe to bundle into the web app's browser code.
export { exerciseConfigSchema, type ExerciseConfig, type MilestoneConfig } from "./schema";
export { EXERCISE_ID_PATTERN, FILE_NAME_PATTERN, submissionLimits } from "./submission-limits";
