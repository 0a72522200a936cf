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

/**
 * One grouped query: per learner of the cohort (a lateral join), their graded submissions grouped
 * by exercise off the covering index (index-only, each learner's rows already in exercise order),
 * with the attempt count, the best score and which submission gave it. Each learner's cells come
 * back as one JSON array: parsing 200 JSON texts costs a fraction of mapping 8,000 rows field by
 * field (200 learners × 40 exercises: the mapping took twice as long as the query).
 */
async function readCells(db: Db, cohortId: string) {
  const result = await db.execute<{ user_id: string; cells: CellTuple[] | string }>(sql`
    select m.user_id, coalesce((
      select json_agg(json_build_array(c.exercise_id, c.attempts, c.best_score, c.best_submission_id, c.is_passed, c.last_activity_at))
      from (
        select s.exercise_id, count(*) as attempts, max(s.score) as best_score,
          (array_agg(s.id order by s.score desc nulls last, s.created_at, s.id))[1] as best_submission_id,
          bool_or(s.status = 'passed') as is_passed, floor(extract(epoch from max(s.created_at)) * 1000) as last_activity_at
        from submission s
        where s.user_id = m.user_id and s.mode = 'submit' and s.exam_attempt_id is null and s.status in ('passed', 'failed', 'error', 'timeout')
        group by s.exercise_id
      ) c), '[]') as cells
    from cohort_membership m
    where m.cohort_id = ${cohortId} and m.role = 'learner'`);
  const cellsByLearner = new Map<string, Record<string, GradebookCell>>();
  for (const row of result.rows) {
    const tuples: CellTuple[] = typeof row.cells === "string" ? JSON.parse(row.cells) : row.cells;
    const cells: Record<string, GradebookCell> = {};
    for (const [exerciseId, attempts, bestScore, bestSubmissionId, isPassed, lastActivityAt] of tuples) {
      cells[exerciseId] = { bestScore, bestSubmissionId, attempts, isPassed, lastActivityAt: new Date(lastActivityAt) };
    }
    cellsByLearner.set(row.user_id, cells);
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
  for (const cells of cellsByLearner.values()) for (const exerciseId in cells) attemptedIds.add(exerciseId);
  const exercises = allExercises
    .filter((exercise) => exercise.isOnOffer || attemptedIds.has(exercise.id))
    .map(({ isOnOffer: _isOnOffer, ...exercise }) => exercise)
    .sort((a, b) => compareSections(a.section, b.section) || a.title.localeCompare(b.title));
  const pointsPossible = exercises.reduce((sum, exercise) => sum + exercise.points, 0);

  const rows = learners.map((learner) => {
    const learnerCells = cellsByLearner.get(learner.id) ?? {};
    const values = Object.values(learnerCells);
    const totalScore = sumScores(values.map((cell) => cell.bestScore ?? 0));
    const lastActivity = Math.max(...values.map((cell) => cell.lastActivityAt.getTime()));
    return {
      ...learner,
      cells: learnerCells,
      totals: {
        totalScore,
        pointsPossible,
        progressPercent: pointsPossible === 0 ? 0 : Math.round((totalScore / pointsPossible) * 10_000) / 100,
        exercisesAttempted: values.length,
        exercisesPassed: values.filter((cell) => cell.isPassed).length,
        attempts: values.reduce((sum, cell) => sum + cell.attempts, 0),
        lastActivityAt: values.length > 0 ? new Date(lastActivity) : null,
      },
    };
  });
  return { cohort: { id: cohort.id, name: cohort.name, archivedAt: cohort.archivedAt }, exercises, learners: rows };
}

export type CohortGradebook = Awaited<ReturnType<typeof getCohortGradebook>>;
