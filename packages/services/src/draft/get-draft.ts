import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";

import { findExerciseRules } from "./find-exercise-rules";

/** The caller's own draft of an exercise, or null when they have not typed anything yet. */
export async function getDraft(db: Db, userId: string, exerciseId: string) {
  await findExerciseRules(db, exerciseId);
  const [row] = await db
    .select({ files: schema.draft.files, updatedAt: schema.draft.updatedAt })
    .from(schema.draft)
    .where(and(eq(schema.draft.userId, userId), eq(schema.draft.exerciseId, exerciseId)));
  return row ?? null;
}
