import type { Db } from "@academy/db";
import { schema } from "@academy/db";
import { SubmissionRejectedError, validateSubmissionFiles } from "@academy/sandbox/contract";

import { DomainError } from "../domain-error";
import { findExerciseRules } from "./find-exercise-rules";

/** Stores the editor's files; a draft obeys the same name and size rules as a submission, so it can always be submitted. */
export async function saveDraft(db: Db, userId: string, input: { exerciseId: string; files: { name: string; content: string }[] }) {
  const rules = await findExerciseRules(db, input.exerciseId);
  try {
    validateSubmissionFiles(rules, input.files);
  } catch (error) {
    if (error instanceof SubmissionRejectedError) {
      throw new DomainError("BAD_REQUEST", `Your draft was not saved: ${error.message}.`, { cause: error });
    }
    throw error;
  }
  const files = input.files.map(({ name, content }) => ({ name, content }));
  const updatedAt = new Date();
  const [row] = await db
    .insert(schema.draft)
    .values({ userId, exerciseId: input.exerciseId, files, updatedAt })
    .onConflictDoUpdate({ target: [schema.draft.userId, schema.draft.exerciseId], set: { files, updatedAt } })
    .returning({ updatedAt: schema.draft.updatedAt });
  return { updatedAt: row!.updatedAt };
}
