import type { Db } from "@academy/db";
import { and, eq, isNull, or, schema, sql } from "@academy/db";

import { DomainError } from "../domain-error";
import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { isCohortLearner } from "./graded-submissions";

/** An exam this cohort's instructors may see the results of: the standing mock exam, or one set for this cohort. */
export const isExamOfCohort = (cohortId: string) => or(eq(schema.exam.kind, "mock"), eq(schema.exam.cohortId, cohortId));

/**
 * A submission that is this cohort's business: practice, or an exam's or a team's of this cohort. A
 * learner may be in several cohorts; another cohort's exam and team work stays with that cohort.
 */
export const isSubmissionOfCohort = (cohortId: string) =>
  and(
    or(
      isNull(schema.submission.examAttemptId),
      sql`exists (select 1 from ${schema.examAttempt} join ${schema.exam} on ${schema.exam.id} = ${schema.examAttempt.examId}
        where ${schema.examAttempt.id} = ${schema.submission.examAttemptId} and ${isExamOfCohort(cohortId)})`,
    ),
    or(
      isNull(schema.submission.teamProjectId),
      sql`exists (select 1 from ${schema.teamProject} join ${schema.team} on ${schema.team.id} = ${schema.teamProject.teamId}
        join ${schema.cohortProject} on ${schema.cohortProject.id} = ${schema.team.projectId}
        where ${schema.teamProject.id} = ${schema.submission.teamProjectId} and ${schema.cohortProject.cohortId} = ${cohortId})`,
    ),
  );

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

/**
 * A submission by a learner of a cohort the viewer teaches, and of that cohort (not another cohort's
 * exam or team work); anything else is as absent as a missing one.
 */
export async function findTaughtSubmission(db: Db, input: { cohortId: string; submissionId: string; viewer: CohortViewer }) {
  const cohort = await findTaughtCohort(db, input.cohortId, input.viewer);
  const [learner] = await db
    .select(learnerColumns)
    .from(schema.submission)
    .innerJoin(schema.cohortMembership, eq(schema.cohortMembership.userId, schema.submission.userId))
    .innerJoin(schema.user, eq(schema.user.id, schema.submission.userId))
    .where(and(eq(schema.submission.id, input.submissionId), isCohortLearner(input.cohortId), isSubmissionOfCohort(input.cohortId)));
  if (!learner) throw new DomainError("NOT_FOUND", "No submission by a learner of this cohort has this id.");
  return { cohort, learner };
}
