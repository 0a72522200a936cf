import { listChapters } from "@academy/content";
import type { Db } from "@academy/db";
import { sql } from "@academy/db";

import { isQuizPassed } from "../curriculum/quiz-pass-mark";
import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { groupBy, mean, percentOf } from "./cohort-statistics";

type BestQuizRow = { user_id: string; section_id: string; attempt_id: string; score: number; max_score: number; attempts: number };

/** Each learner's best attempt per quiz (by ratio, the earliest on a tie, as the learner's own progress counts it) and how many they made. */
async function readBestQuizzes(db: Db, cohortId: string) {
  const result = await db.execute<BestQuizRow>(sql`
    select distinct on (q.user_id, q.section_id) q.user_id, q.section_id, q.id as attempt_id, q.score, q.max_score,
      (count(*) over (partition by q.user_id, q.section_id))::int as attempts
    from cohort_membership m
    join quiz_attempt q on q.user_id = m.user_id
    where m.cohort_id = ${cohortId} and m.role = 'learner'
    order by q.user_id, q.section_id, q.score::float / greatest(q.max_score, 1) desc, q.created_at`);
  return result.rows;
}

async function readLessonsRead(db: Db, cohortId: string) {
  const result = await db.execute<{ user_id: string; section_id: string }>(sql`
    select l.user_id, l.section_id
    from cohort_membership m
    join lesson_progress l on l.user_id = m.user_id
    where m.cohort_id = ${cohortId} and m.role = 'learner'`);
  return result.rows;
}

async function readLearnerIds(db: Db, cohortId: string) {
  const result = await db.execute<{ user_id: string }>(sql`select user_id from cohort_membership where cohort_id = ${cohortId} and role = 'learner'`);
  return result.rows.map((row) => row.user_id);
}

/**
 * Quiz results and lesson progress per chapter and section of the curriculum as it is now (rows
 * for sections no longer in it are left out): who read each lesson, who took and passed each quiz,
 * the mean of the learners' best quiz scores. Learner ids come with every count.
 */
export async function getCohortCurriculumResults(db: Db, input: { cohortId: string; viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const [learnerIds, quizzes, lessons] = await Promise.all([
    readLearnerIds(db, input.cohortId),
    readBestQuizzes(db, input.cohortId),
    readLessonsRead(db, input.cohortId),
  ]);
  const quizzesBySection = groupBy(quizzes, (row) => row.section_id);
  const readersBySection = groupBy(lessons, (row) => row.section_id);

  const chapters = listChapters().map((chapter) => {
    const sections = chapter.sections.map((section) => {
      const best = quizzesBySection.get(section.id) ?? [];
      const bestPercents = best.map((row) => percentOf(row.score, row.max_score) ?? 0);
      return {
        id: section.id,
        title: section.title,
        questionCount: section.quiz.questions.length,
        readLearnerIds: (readersBySection.get(section.id) ?? []).map((row) => row.user_id),
        quiz: {
          takenLearnerIds: best.map((row) => row.user_id),
          passedLearnerIds: best.filter((row) => isQuizPassed({ score: row.score, maxScore: row.max_score })).map((row) => row.user_id),
          bestAttemptIds: best.map((row) => row.attempt_id),
          attempts: best.reduce((sum, row) => sum + row.attempts, 0),
          meanBestPercent: mean(bestPercents),
        },
      };
    });
    const reads = sections.reduce((sum, section) => sum + section.readLearnerIds.length, 0);
    const bests = sections.flatMap((section) => (quizzesBySection.get(section.id) ?? []).map((row) => percentOf(row.score, row.max_score) ?? 0));
    return {
      number: chapter.number,
      title: chapter.title,
      /** Lessons read of all the lessons × learners. */
      lessonsReadPercent: percentOf(reads, sections.length * learnerIds.length),
      /** The mean of every best quiz score taken in the chapter. */
      meanQuizPercent: mean(bests),
      sections,
    };
  });
  return { learnerCount: learnerIds.length, chapters };
}
