import type { Db } from "@academy/db";
import { asc, count, eq, schema } from "@academy/db";

/** Admins see every cohort; instructors the ones they teach. */
export async function listInstructorCohorts(db: Db, user: { id: string; role: string }) {
  const query = db
    .select({ id: schema.cohort.id, name: schema.cohort.name, memberCount: count(schema.cohortMembership.userId) })
    .from(schema.cohort)
    .leftJoin(schema.cohortMembership, eq(schema.cohortMembership.cohortId, schema.cohort.id))
    .groupBy(schema.cohort.id)
    .orderBy(asc(schema.cohort.name));
  return user.role === "admin" ? query : query.where(eq(schema.cohort.instructorId, user.id));
}
