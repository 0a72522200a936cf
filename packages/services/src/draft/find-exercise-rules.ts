import type { Db } from "@academy/db";
import { eq, schema } from "@academy/db";

import { exerciseNotFound } from "../exercise/exercise-not-found";

/** The file rules of an exercise on offer; NOT_FOUND otherwise. */
export async function findExerciseRules(db: Db, exerciseId: string) {
  const [row] = await db
    .select({ files: schema.exercise.files, entrypoint: schema.exercise.entrypoint, kind: schema.exercise.kind, isArchived: schema.exercise.isArchived })
    .from(schema.exercise)
    .where(eq(schema.exercise.id, exerciseId));
  if (!row || row.isArchived) throw exerciseNotFound(exerciseId);
  return row;
}
