import type { Db } from "@academy/db";

import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { median } from "./cohort-statistics";
import { readLearnerStanding } from "./learner-standing";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The dashboard's figures, from the gradebook's own numbers: "this week" is the seven days before
 * `now`; a learner's progress is their best scores' share of the points on offer; active means
 * anything done in the week (a submission of either mode, a quiz, a lesson read, an exam).
 */
export async function getCohortHeadlines(db: Db, input: { cohortId: string; viewer: CohortViewer; now?: Date }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const since = new Date((input.now ?? new Date()).getTime() - WEEK_MS);
  const learners = await readLearnerStanding(db, input.cohortId, since);
  const activeLearnerIds = learners.filter((learner) => learner.lastActivityAt !== null && learner.lastActivityAt >= since).map((learner) => learner.id);
  return {
    learnerCount: learners.length,
    activeLearnersThisWeek: activeLearnerIds.length,
    activeLearnerIds,
    submissions: learners.reduce((sum, learner) => sum + learner.attempts, 0),
    submissionsThisWeek: learners.reduce((sum, learner) => sum + learner.attemptsSince, 0),
    medianProgressPercent: median(learners.map((learner) => learner.progressPercent)),
    since,
  };
}
