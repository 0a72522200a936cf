import type { Db } from "@academy/db";
import { asc, eq, schema } from "@academy/db";

import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";

/** The cohort with its invite code and roster, for its instructors. */
export async function getCohort(db: Db, input: { cohortId: string; viewer: CohortViewer }) {
  const cohort = await findTaughtCohort(db, input.cohortId, input.viewer);
  const members = await db
    .select({
      id: schema.user.id,
      name: schema.user.name,
      email: schema.user.email,
      role: schema.cohortMembership.role,
      joinedAt: schema.cohortMembership.joinedAt,
    })
    .from(schema.cohortMembership)
    .innerJoin(schema.user, eq(schema.user.id, schema.cohortMembership.userId))
    .where(eq(schema.cohortMembership.cohortId, input.cohortId))
    .orderBy(asc(schema.user.name), asc(schema.user.id));
  const pick = (role: "learner" | "instructor") =>
    members.filter((member) => member.role === role).map(({ role: _role, ...member }) => member);
  return { ...cohort, instructors: pick("instructor"), learners: pick("learner") };
}
