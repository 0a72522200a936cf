export { repoExercisesDir } from "./repo-exercises-dir";
export { writeExerciseFolder } from "./write-exercise-folder";
export { makeGradedReport } from "./graded-report";
