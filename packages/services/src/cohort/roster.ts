import type { Db } from "@academy/db";
import { and, eq, inArray, schema, withTransaction } from "@academy/db";

import { DomainError } from "../domain-error";
import { recordTeamChange } from "../team/record-team-change";
import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";

/**
 * The learner leaves the roster and, in the same transaction, every team of the cohort's projects
 * (each team's feed says so and its open streams hear it); their submissions are theirs and stay.
 */
export async function removeLearner(db: Db, input: { cohortId: string; learnerId: string; viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  return withTransaction(db, async (tx) => {
    const removed = await tx
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
    const leftTeams = await tx
      .delete(schema.teamMembership)
      .where(
        and(
          eq(schema.teamMembership.userId, input.learnerId),
          inArray(schema.teamMembership.projectId, tx.select({ id: schema.cohortProject.id }).from(schema.cohortProject).where(eq(schema.cohortProject.cohortId, input.cohortId))),
        ),
      )
      .returning({ teamId: schema.teamMembership.teamId });
    for (const { teamId } of leftTeams) {
      await recordTeamChange(tx, { teamId, kind: "member.left", actorId: input.viewer.id, summary: "A member was removed from the cohort", detail: { userId: input.learnerId } });
    }
    return { cohortId: input.cohortId, learnerId: input.learnerId };
  });
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
