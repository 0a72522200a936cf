import { resolveExercisesDir } from "@academy/exercises";

export const repoExercisesDir = resolveExercisesDir({ from: import.meta.dirname });
