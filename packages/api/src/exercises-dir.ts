import { resolveExercisesDir } from "@academy/exercises";

import type { ContextInner } from "./trpc";

/** The grading ports name the folder the grader uses; without them, the repository's. */
export function exercisesDirOf(ctx: Pick<ContextInner, "grading">) {
  return ctx.grading?.exercisesDir ?? resolveExercisesDir();
}
