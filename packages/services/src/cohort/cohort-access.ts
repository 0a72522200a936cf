import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";

import { DomainError } from "../domain-error";

/** The caller as the API's procedures checked them. */
export type CohortViewer = { id: string; role: string };

/**
 * The cohort if the viewer teaches it (an instructor member) or is an admin; every instructor
 * service reads and writes through this, so no cohort's data leaks to another instructor.
 */
export async function findTaughtCohort(db: Db, cohortId: string, viewer: CohortViewer) {
  const [row] = await db
    .select({
      id: schema.cohort.id,
      name: schema.cohort.name,
      inviteCode: schema.cohort.inviteCode,
      archivedAt: schema.cohort.archivedAt,
      createdAt: schema.cohort.createdAt,
      viewerRole: schema.cohortMembership.role,
    })
    .from(schema.cohort)
    .leftJoin(
      schema.cohortMembership,
      and(eq(schema.cohortMembership.cohortId, schema.cohort.id), eq(schema.cohortMembership.userId, viewer.id)),
    )
    .where(eq(schema.cohort.id, cohortId));
  if (!row) throw new DomainError("NOT_FOUND", "This cohort does not exist.");
  const { viewerRole, ...cohort } = row;
  if (viewer.role !== "admin" && viewerRole !== "instructor") {
    throw new DomainError("FORBIDDEN", "Only this cohort's instructors can see or change it.");
  }
  return cohort;
}
