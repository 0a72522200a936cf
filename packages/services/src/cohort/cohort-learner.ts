import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";

import { DomainError } from "../domain-error";
import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { isCohortLearner } from "./graded-submissions";

const learnerColumns = { id: schema.user.id, name: schema.user.name, email: schema.user.email, joinedAt: schema.cohortMembership.joinedAt };

/**
 * A learner of a cohort the viewer teaches: the drill-downs open only the cohort's own learners,
 * so teaching one cohort opens nobody else's work.
 */
export async function findTaughtLearner(db: Db, input: { cohortId: string; learnerId: string; viewer: CohortViewer }) {
  const cohort = await findTaughtCohort(db, input.cohortId, input.viewer);
  const [learner] = await db
    .select(learnerColumns)
    .from(schema.cohortMembership)
    .innerJoin(schema.user, eq(schema.user.id, schema.cohortMembership.userId))
    .where(and(eq(schema.cohortMembership.userId, input.learnerId), isCohortLearner(input.cohortId)));
  if (!learner) throw new DomainError("NOT_FOUND", "This learner is not in the cohort.");
  return { cohort, learner };
}

/** A submission by a learner of a cohort the viewer teaches; anyone else's is as absent as a missing one. */
export async function findTaughtSubmission(db: Db, input: { cohortId: string; submissionId: string; viewer: CohortViewer }) {
  const cohort = await findTaughtCohort(db, input.cohortId, input.viewer);
  const [learner] = await db
    .select(learnerColumns)
    .from(schema.submission)
    .innerJoin(schema.cohortMembership, eq(schema.cohortMembership.userId, schema.submission.userId))
    .innerJoin(schema.user, eq(schema.user.id, schema.submission.userId))
    .where(and(eq(schema.submission.id, input.submissionId), isCohortLearner(input.cohortId)));
  if (!learner) throw new DomainError("NOT_FOUND", "No submission by a learner of this cohort has this id.");
  return { cohort, learner };
}
