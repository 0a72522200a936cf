import type { Db } from "@academy/db";
import { and, eq, inArray, schema } from "@academy/db";

import { DomainError } from "../domain-error";
import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";

/** The learner leaves the roster; their submissions are theirs and stay. */
export async function removeLearner(db: Db, input: { cohortId: string; learnerId: string; viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const removed = await db
    .delete(schema.cohortMembership)
    .where(
      and(
        eq(schema.cohortMembership.cohortId, input.cohortId),
        eq(schema.cohortMembership.userId, input.learnerId),
        eq(schema.cohortMembership.role, "learner"),
      ),
    )
    .returning({ userId: schema.cohortMembership.userId });
  if (removed.length === 0) throw new DomainError("NOT_FOUND", "This learner is not in the cohort.");
  return { cohortId: input.cohortId, learnerId: input.learnerId };
}

/** A co-instructor must already have an instructor (or admin) account. */
export async function addCoInstructor(db: Db, input: { cohortId: string; email: string; viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const [instructor] = await db
    .select({ id: schema.user.id, name: schema.user.name, email: schema.user.email })
    .from(schema.user)
    .where(and(eq(schema.user.email, input.email.toLowerCase()), inArray(schema.user.role, ["instructor", "admin"])));
  if (!instructor) throw new DomainError("NOT_FOUND", "No instructor account has this email. Ask them to get an instructor account first.");
  await db
    .insert(schema.cohortMembership)
    .values({ cohortId: input.cohortId, userId: instructor.id, role: "instructor" })
    .onConflictDoUpdate({ target: [schema.cohortMembership.cohortId, schema.cohortMembership.userId], set: { role: "instructor" } });
  return instructor;
}
