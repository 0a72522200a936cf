import type { Db } from "@academy/db";
import { eq, schema } from "@academy/db";
import { TRPCError } from "@trpc/server";

/** The file rules of an exercise on offer; NOT_FOUND otherwise. */
export async function findExerciseRules(db: Db, exerciseId: string) {
  const [row] = await db
    .select({ files: schema.exercise.files, entrypoint: schema.exercise.entrypoint, kind: schema.exercise.kind, isArchived: schema.exercise.isArchived })
    .from(schema.exercise)
    .where(eq(schema.exercise.id, exerciseId));
  if (!row || row.isArchived) throw new TRPCError({ code: "NOT_FOUND", message: `There is no exercise "${exerciseId}".` });
  return row;
}
