import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";
import type { StatusListener } from "@academy/submission-lifecycle";
import { isFinalStatus } from "@academy/submission-lifecycle";

import { DomainError } from "../domain-error";
import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { isSubmissionOfCohort } from "./cohort-learner";
import { isCohortLearner } from "./graded-submissions";

async function findLearnerSubmission(db: Db, cohortId: string, submissionId: string) {
  const [row] = await db
    .select({ exerciseId: schema.submission.exerciseId, mode: schema.submission.mode })
    .from(schema.submission)
    .innerJoin(schema.cohortMembership, eq(schema.cohortMembership.userId, schema.submission.userId))
    .where(and(eq(schema.submission.id, submissionId), isCohortLearner(cohortId), isSubmissionOfCohort(cohortId)));
  return row;
}

async function isStillTaught(db: Db, cohortId: string, viewer: CohortViewer) {
  try {
    await findTaughtCohort(db, cohortId, viewer);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/**
 * The cohort's dashboard stays current: each time a submission of one of its learners reaches a
 * final status (the grader's NOTIFY, through the process's one status listener), an event names
 * it. "ready" comes once listening has started and "resync" after the listener reconnected: on
 * both, whatever the page shows is read again, so an event missed meanwhile leaves nothing stale.
 * Before each event the viewer's standing is checked again: the stream ends once they no longer teach the cohort.
 */
export async function* watchCohortResults(db: Db, statusListener: StatusListener, input: { cohortId: string; viewer: CohortViewer }, signal?: AbortSignal) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const controller = new AbortController();
  signal?.addEventListener("abort", () => controller.abort());
  const events = statusListener.watch(controller.signal);
  try {
    yield { kind: "ready" as const };
    while (true) {
      const event = await events.next();
      if (event.done) return;
      if (event.value.kind === "resync") {
        if (!(await isStillTaught(db, input.cohortId, input.viewer))) return;
        yield { kind: "resync" as const };
        continue;
      }
      const { submissionId, userId, status } = event.value;
      if (!isFinalStatus(status)) continue;
      const submission = await findLearnerSubmission(db, input.cohortId, submissionId);
      if (!submission) continue;
      if (!(await isStillTaught(db, input.cohortId, input.viewer))) return;
      yield { kind: "graded" as const, submissionId, learnerId: userId, exerciseId: submission.exerciseId, mode: submission.mode, status };
    }
  } catch (error) {
    if ((error as { name?: string }).name !== "AbortError") throw error;
  } finally {
    controller.abort();
  }
}
