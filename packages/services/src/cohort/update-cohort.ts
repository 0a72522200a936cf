import type { Db } from "@academy/db";
import { eq, schema } from "@academy/db";

import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { createInviteCode } from "./invite-code";

const cohortColumns = { id: schema.cohort.id, name: schema.cohort.name, archivedAt: schema.cohort.archivedAt };

export async function renameCohort(db: Db, input: { cohortId: string; name: string; viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const [row] = await db.update(schema.cohort).set({ name: input.name }).where(eq(schema.cohort.id, input.cohortId)).returning(cohortColumns);
  return row!;
}

/** Idempotent: archiving again keeps the first date. */
export async function archiveCohort(db: Db, input: { cohortId: string; viewer: CohortViewer; now?: Date }) {
  const cohort = await findTaughtCohort(db, input.cohortId, input.viewer);
  if (cohort.archivedAt) return { id: cohort.id, name: cohort.name, archivedAt: cohort.archivedAt };
  const [row] = await db
    .update(schema.cohort)
    .set({ archivedAt: input.now ?? new Date() })
    .where(eq(schema.cohort.id, input.cohortId))
    .returning(cohortColumns);
  return row!;
}

/** The old code stops working at once: a leaked link is closed by regenerating. */
export async function regenerateInviteCode(db: Db, input: { cohortId: string; viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const [row] = await db
    .update(schema.cohort)
    .set({ inviteCode: createInviteCode() })
    .where(eq(schema.cohort.id, input.cohortId))
    .returning({ id: schema.cohort.id, inviteCode: schema.cohort.inviteCode });
  return row!;
}
