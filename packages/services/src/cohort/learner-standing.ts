import type { Db } from "@academy/db";
import { sql } from "@academy/db";

import { percentOf } from "./cohort-statistics";

/** Points on offer, as the gradebook counts them: exercises on offer, and others (archived, team templates) a learner of the cohort has a graded result in. */
async function readPointsPossible(db: Db, cohortId: string) {
  // A case, not an or: the existence check runs only for archived exercises.
  const result = await db.execute<{ points: number }>(sql`
    select coalesce(sum(e.points), 0)::int as points
    from exercise e
    where case when not e.is_archived and not e.is_team_template then true else exists (
      select 1 from cohort_membership m
      join submission s on s.user_id = m.user_id and s.exercise_id = e.id
        and s.mode = 'submit' and s.exam_attempt_id is null and s.status in ('passed', 'failed', 'error', 'timeout')
      where m.cohort_id = ${cohortId} and m.role = 'learner') end`);
  return result.rows[0]?.points ?? 0;
}

type StandingRow = {
  id: string;
  name: string;
  email: string;
  joined_at: Date;
  total_score: string;
  attempts: number;
  attempts_since: number;
  last_activity_at: Date | null;
};

/**
 * Per learner of the cohort, in one query: the gradebook's totals (best score per exercise summed,
 * graded attempts) without its cells, and the last time they did anything (a submission of
 * either mode, a quiz, a lesson read, an exam). The graded submissions come off the covering index.
 */
export async function readLearnerStanding(db: Db, cohortId: string, since: Date) {
  const [result, pointsPossible] = await Promise.all([
    db.execute<StandingRow>(sql`
      select u.id, u.name, u.email, m.joined_at, p.total_score, p.attempts, p.attempts_since,
        greatest(
          (select max(s.created_at) from submission s where s.user_id = m.user_id),
          (select max(q.created_at) from quiz_attempt q where q.user_id = m.user_id),
          (select max(l.read_at) from lesson_progress l where l.user_id = m.user_id),
          (select max(coalesce(a.submitted_at, a.started_at)) from exam_attempt a where a.user_id = m.user_id)
        ) as last_activity_at
      from cohort_membership m
      join "user" u on u.id = m.user_id
      cross join lateral (
        select coalesce(sum(c.best), 0)::text as total_score, coalesce(sum(c.attempts), 0)::int as attempts,
          coalesce(sum(c.attempts_since), 0)::int as attempts_since
        from (
          select max(s.score) as best, count(*) as attempts, count(*) filter (where s.created_at >= ${since.toISOString()}::timestamptz) as attempts_since
          from submission s
          where s.user_id = m.user_id and s.mode = 'submit' and s.exam_attempt_id is null and s.status in ('passed', 'failed', 'error', 'timeout')
          group by s.exercise_id
        ) c
      ) p
      where m.cohort_id = ${cohortId} and m.role = 'learner'
      order by u.name, u.id`),
    readPointsPossible(db, cohortId),
  ]);
  return result.rows.map((row) => {
    // Summed as numeric in the database, so 6.67 + 5.45 is exactly 12.12.
    const totalScore = Number(row.total_score);
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      joinedAt: new Date(row.joined_at),
      totalScore,
      pointsPossible,
      progressPercent: percentOf(totalScore, pointsPossible) ?? 0,
      attempts: row.attempts,
      attemptsSince: row.attempts_since,
      lastActivityAt: row.last_activity_at === null ? null : new Date(row.last_activity_at),
    };
  });
}

export type LearnerStanding = Awaited<ReturnType<typeof readLearnerStanding>>[number];
