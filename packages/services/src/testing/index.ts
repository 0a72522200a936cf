export { repoExercisesDir } from "./repo-exercises-dir";
export { writeExerciseFolder } from "./write-exercise-folder";
