import type { Db } from "@academy/db";

import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { median } from "./cohort-statistics";
import { readLearnerStanding } from "./learner-standing";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Far behind: progress under this share of the cohort's median progress. */
export const FAR_BEHIND_SHARE = 0.5;

const formatDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Learners who did nothing for `inactiveDays` (counted from their joining when they never did
 * anything), or whose progress is below half the cohort's median, each with the reasons in words.
 */
export async function listLearnersAtRisk(db: Db, input: { cohortId: string; viewer: CohortViewer; inactiveDays: number; now?: Date }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const now = input.now ?? new Date();
  const inactiveSince = new Date(now.getTime() - input.inactiveDays * DAY_MS);
  const learners = await readLearnerStanding(db, input.cohortId, inactiveSince);
  const medianProgressPercent = median(learners.map((learner) => learner.progressPercent));
  const farBehindBelowPercent = medianProgressPercent === null ? null : Math.round(medianProgressPercent * FAR_BEHIND_SHARE * 100) / 100;

  const atRisk = learners.flatMap((learner) => {
    const reasons: { kind: "inactive" | "far-behind"; text: string }[] = [];
    const lastSeen = learner.lastActivityAt ?? learner.joinedAt;
    if (lastSeen < inactiveSince) {
      const days = Math.floor((now.getTime() - lastSeen.getTime()) / DAY_MS);
      const text = learner.lastActivityAt
        ? `No activity for ${days} days (last on ${formatDay(learner.lastActivityAt)}).`
        : `No activity since joining ${days} days ago (${formatDay(learner.joinedAt)}).`;
      reasons.push({ kind: "inactive", text });
    }
    if (farBehindBelowPercent !== null && learner.progressPercent < farBehindBelowPercent) {
      reasons.push({
        kind: "far-behind",
        text: `Progress ${learner.progressPercent} % is below half the cohort's median of ${medianProgressPercent} %.`,
      });
    }
    if (reasons.length === 0) return [];
    return [
      {
        id: learner.id,
        name: learner.name,
        email: learner.email,
        progressPercent: learner.progressPercent,
        lastActivityAt: learner.lastActivityAt,
        reasons,
      },
    ];
  });
  return { inactiveDays: input.inactiveDays, inactiveSince, medianProgressPercent, farBehindBelowPercent, learners: atRisk };
}
