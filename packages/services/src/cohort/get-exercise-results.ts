import type { Db } from "@academy/db";

import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { groupBy, percentOf } from "./cohort-statistics";
import { findExercise, readExerciseResults, readTestResults } from "./exercise-results";
import { analyseTests } from "./item-analysis";

/**
 * One exercise across the cohort: pass rate, how many attempts passing took, each learner's
 * results, and item analysis per test. The item analysis reads each learner's latest graded
 * submission (not their best): it is what their code does now, so a test they have since fixed no
 * longer counts against them, and a test a later attempt broke does.
 */
export async function getCohortExerciseResults(db: Db, input: { cohortId: string; exerciseId: string; viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const [exercise, learners] = await Promise.all([findExercise(db, input.exerciseId), readExerciseResults(db, input.cohortId, input.exerciseId)]);
  const attempted = learners.filter((learner) => learner.attempts > 0);
  const passed = attempted.filter((learner) => learner.isPassed);

  const attemptsToPass = groupBy(passed, (learner) => learner.attemptsToPass!);

  const analysedSubmissionIds = attempted.map((learner) => learner.lastSubmissionId!);
  const rosterIndex = new Map(attempted.map((learner, index) => [learner.lastSubmissionId!, index]));
  // In roster order, so every list of learners and submissions below is too.
  const results = (await readTestResults(db, analysedSubmissionIds)).sort(
    (a, b) => rosterIndex.get(a.submissionId)! - rosterIndex.get(b.submissionId)! || a.position - b.position,
  );
  const tests = analyseTests(results.map((result) => ({ ...result, learnerId: attempted[rosterIndex.get(result.submissionId)!]!.id })));

  return {
    exercise,
    learnerCount: learners.length,
    attemptedLearnerIds: attempted.map((learner) => learner.id),
    passedLearnerIds: passed.map((learner) => learner.id),
    /** Of the learners who attempted it. */
    passPercent: percentOf(passed.length, attempted.length),
    attemptsToPass: [...attemptsToPass.entries()].sort(([a], [b]) => a - b).map(([attempts, group]) => ({ attempts, learnerIds: group.map((learner) => learner.id) })),
    itemAnalysis: { basis: "latest-graded-submission" as const, submissionIds: analysedSubmissionIds, tests },
    learners,
  };
}

export type CohortExerciseResults = Awaited<ReturnType<typeof getCohortExerciseResults>>;
