import type { Db } from "@academy/db";
import { eq, schema, sql } from "@academy/db";

import { DomainError } from "../domain-error";
import { normalizeInviteCode } from "./invite-code";

/** A learner joins by the invite code; joining twice changes nothing. */
export async function joinCohort(db: Db, input: { code: string; user: { id: string; role: string } }) {
  if (input.user.role !== "learner") {
    throw new DomainError("FORBIDDEN", "Only learner accounts join by invite. A cohort's instructor adds co-instructors by email.");
  }
  const [cohort] = await db
    .select({ id: schema.cohort.id, name: schema.cohort.name, archivedAt: schema.cohort.archivedAt })
    .from(schema.cohort)
    .where(eq(schema.cohort.inviteCode, normalizeInviteCode(input.code)));
  if (!cohort) throw new DomainError("NOT_FOUND", "No cohort has this invite code. Check it, or ask your instructor for a new one.");
  if (cohort.archivedAt) throw new DomainError("PRECONDITION_FAILED", "This cohort is archived and takes no new learners.");
  const [membership] = await db
    .insert(schema.cohortMembership)
    .values({ cohortId: cohort.id, userId: input.user.id, role: "learner" })
    // A no-op update so the existing row comes back and its role can be checked.
    .onConflictDoUpdate({ target: [schema.cohortMembership.cohortId, schema.cohortMembership.userId], set: { cohortId: sql`excluded.cohort_id` } })
    .returning({ role: schema.cohortMembership.role });
  if (membership!.role !== "learner") throw new DomainError("CONFLICT", "You teach this cohort, so you cannot join it as a learner.");
  return { id: cohort.id, name: cohort.name };
}
