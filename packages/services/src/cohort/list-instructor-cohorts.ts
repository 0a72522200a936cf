import type { Db } from "@academy/db";
import { and, asc, eq, inArray, schema, sql } from "@academy/db";

import type { CohortViewer } from "./cohort-access";

/** Admins see every cohort; instructors the ones they teach. Active cohorts first. */
export async function listInstructorCohorts(db: Db, viewer: CohortViewer) {
  const taught = db
    .select({ cohortId: schema.cohortMembership.cohortId })
    .from(schema.cohortMembership)
    .where(
      and(
        eq(schema.cohortMembership.userId, viewer.id),
        eq(schema.cohortMembership.role, "instructor"),
      ),
    );
  return db
    .select({
      id: schema.cohort.id,
      name: schema.cohort.name,
      memberCount: sql<number>`(select count(*) from ${schema.cohortMembership} m where m.cohort_id = ${schema.cohort.id} and m.role = 'learner')`.mapWith(Number),
      archivedAt: schema.cohort.archivedAt,
    })
    .from(schema.cohort)
    .where(viewer.role === "admin" ? undefined : inArray(schema.cohort.id, taught))
    .orderBy(sql`${schema.cohort.archivedAt} is not null`, asc(schema.cohort.name));
}
