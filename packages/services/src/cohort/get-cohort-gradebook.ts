import type { Db } from "@academy/db";
import { asc, eq, schema, sql } from "@academy/db";

import { compareSections } from "../exercise/describe-section";
import { sumScores } from "../submission/sum-scores";
import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { isCohortLearner } from "./graded-submissions";

export type GradebookCell = {
  /** Two decimals as stored; null when no attempt produced a score (errors, timeouts). */
  bestScore: number | null;
  /** The submission that scored bestScore (the earliest, on a tie), so every number can be opened. */
  bestSubmissionId: string;
  attempts: number;
  isPassed: boolean;
  lastActivityAt: Date;
};

/** A cell as the query sends it: [exercise id, attempts, best score, its submission, passed, last activity in epoch milliseconds]. */
type CellTuple = [string, number, number | null, string, boolean, number];

type LearnerCells = { cells: Record<string, GradebookCell>; totalScore: number; attempts: number; passed: number; attempted: number; lastActivity: number };

/**
 * The cohort's learners' cells off learner_exercise_best (one row per learner and exercise, kept by
 * triggers as each submission is stored), one JSON array per learner: parsing 200 JSON texts costs
 * a fraction of mapping 8,000 rows field by field. Each learner's totals are summed in the same pass.
 */
async function readCells(db: Db, cohortId: string) {
  const result = await db.execute<{ user_id: string; cells: CellTuple[] | string }>(sql`
    select m.user_id, coalesce((
      select json_agg(json_build_array(b.exercise_id, b.attempts, b.best_score, b.best_submission_id, b.is_passed, floor(extract(epoch from b.last_activity_at) * 1000)))
      from learner_exercise_best b
      where b.user_id = m.user_id), '[]') as cells
    from cohort_membership m
    where m.cohort_id = ${cohortId} and m.role = 'learner'`);
  const cellsByLearner = new Map<string, LearnerCells>();
  for (const row of result.rows) {
    const tuples: CellTuple[] = typeof row.cells === "string" ? JSON.parse(row.cells) : row.cells;
    const learner: LearnerCells = { cells: {}, totalScore: 0, attempts: 0, passed: 0, attempted: tuples.length, lastActivity: -Infinity };
    const scores: number[] = [];
    for (const [exerciseId, attempts, bestScore, bestSubmissionId, isPassed, lastActivityAt] of tuples) {
      learner.cells[exerciseId] = { bestScore, bestSubmissionId, attempts, isPassed, lastActivityAt: new Date(lastActivityAt) };
      if (bestScore !== null) scores.push(bestScore);
      learner.attempts += attempts;
      if (isPassed) learner.passed++;
      if (lastActivityAt > learner.lastActivity) learner.lastActivity = lastActivityAt;
    }
    learner.totalScore = sumScores(scores);
    cellsByLearner.set(row.user_id, learner);
  }
  return cellsByLearner;
}

async function readLearners(db: Db, cohortId: string) {
  return db
    .select({ id: schema.user.id, name: schema.user.name, email: schema.user.email, joinedAt: schema.cohortMembership.joinedAt })
    .from(schema.cohortMembership)
    .innerJoin(schema.user, eq(schema.user.id, schema.cohortMembership.userId))
    .where(isCohortLearner(cohortId))
    .orderBy(asc(schema.user.name), asc(schema.user.id));
}

/**
 * Every exercise, read beside the cells rather than after them. Those not on offer to solo
 * practice (archived, team-project templates) are kept only where a learner has a result.
 */
function readExercises(db: Db) {
  const e = schema.exercise;
  return db
    .select({ id: e.id, title: e.title, section: e.section, points: e.points, isOnOffer: sql<boolean>`not ${e.isArchived} and not ${e.isTeamTemplate}` })
    .from(e);
}

/** Learners × exercises for a cohort's instructors: best score, attempts and last activity per cell, totals per learner. */
export async function getCohortGradebook(db: Db, input: { cohortId: string; viewer: CohortViewer }) {
  const cohort = await findTaughtCohort(db, input.cohortId, input.viewer);
  const [cellsByLearner, learners, allExercises] = await Promise.all([readCells(db, input.cohortId), readLearners(db, input.cohortId), readExercises(db)]);
  const attemptedIds = new Set<string>();
  for (const { cells } of cellsByLearner.values()) for (const exerciseId in cells) attemptedIds.add(exerciseId);
  const exercises = allExercises
    .filter((exercise) => exercise.isOnOffer || attemptedIds.has(exercise.id))
    .map(({ id, title, section, points }) => ({ id, title, section, points }))
    .sort((a, b) => compareSections(a.section, b.section) || a.title.localeCompare(b.title));
  const pointsPossible = exercises.reduce((sum, exercise) => sum + exercise.points, 0);

  const rows = learners.map(({ id, name, email, joinedAt }) => {
    const learner = cellsByLearner.get(id);
    const totalScore = learner?.totalScore ?? 0;
    return {
      id,
      name,
      email,
      joinedAt,
      cells: learner?.cells ?? {},
      totals: {
        totalScore,
        pointsPossible,
        progressPercent: pointsPossible === 0 ? 0 : Math.round((totalScore / pointsPossible) * 10_000) / 100,
        exercisesAttempted: learner?.attempted ?? 0,
        exercisesPassed: learner?.passed ?? 0,
        attempts: learner?.attempts ?? 0,
        lastActivityAt: learner && learner.attempted > 0 ? new Date(learner.lastActivity) : null,
      },
    };
  });
  return { cohort: { id: cohort.id, name: cohort.name, archivedAt: cohort.archivedAt }, exercises, learners: rows };
}

export type CohortGradebook = Awaited<ReturnType<typeof getCohortGradebook>>;
