import type { Db } from "@academy/db";
import { schema, withTransaction } from "@academy/db";

import { createInviteCode } from "./invite-code";

/** The creator becomes the cohort's first instructor member. */
export async function createCohort(db: Db, input: { name: string; instructorId: string }) {
  return withTransaction(db, async (tx) => {
    const [created] = await tx
      .insert(schema.cohort)
      .values({ name: input.name, instructorId: input.instructorId, inviteCode: createInviteCode() })
      .returning({ id: schema.cohort.id, name: schema.cohort.name, inviteCode: schema.cohort.inviteCode, archivedAt: schema.cohort.archivedAt });
    await tx.insert(schema.cohortMembership).values({ cohortId: created!.id, userId: input.instructorId, role: "instructor" });
    return created!;
  });
}
