import type { Db } from "@academy/db";
import { eq, schema } from "@academy/db";

import { DomainError } from "../domain-error";

/** The file rules of an exercise on offer; NOT_FOUND otherwise. */
export async function findExerciseRules(db: Db, exerciseId: string) {
  const [row] = await db
    .select({ files: schema.exercise.files, entrypoint: schema.exercise.entrypoint, kind: schema.exercise.kind, isArchived: schema.exercise.isArchived })
    .from(schema.exercise)
    .where(eq(schema.exercise.id, exerciseId));
  if (!row || row.isArchived) throw new DomainError("NOT_FOUND", `There is no exercise "${exerciseId}".`);
  return row;
}
