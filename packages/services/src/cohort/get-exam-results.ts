import type { Db } from "@academy/db";
import { sql } from "@academy/db";
import type { ExamChapterScore, ExamSavedAnswer } from "@academy/db/schema";

import { readExamQuestionBank } from "../exam/exam-bank";
import { gradePartA } from "../exam/grade-part-a";
import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { groupBy, mean, percentOf } from "./cohort-statistics";

type AttemptRow = {
  attempt_id: string;
  exam_id: string;
  title: string;
  kind: "mock" | "exam";
  user_id: string;
  status: "submitted" | "expired";
  part_a_score: string | null;
  part_a_max_score: string | null;
  part_a_chapters: ExamChapterScore[] | null;
  score: string | null;
  max_score: string | null;
  question_ids: string[];
  answers: Record<string, ExamSavedAnswer>;
  submitted_at: string | null;
};

/**
 * Each learner's latest finished attempt per exam: the cohort's own scheduled exams and the
 * standing mock exam (a retaken mock counts once, at its latest).
 */
async function readLatestAttempts(db: Db, cohortId: string) {
  const result = await db.execute<AttemptRow>(sql`
    select distinct on (a.exam_id, a.user_id) a.id as attempt_id, a.exam_id, e.title, e.kind, a.user_id, a.status,
      a.part_a_score, a.part_a_max_score, a.part_a_chapters, a.score, a.max_score, a.question_ids, a.answers, a.submitted_at
    from cohort_membership m
    join exam_attempt a on a.user_id = m.user_id and a.status in ('submitted', 'expired')
    join exam e on e.id = a.exam_id and (e.cohort_id = ${cohortId} or e.kind = 'mock')
    where m.cohort_id = ${cohortId} and m.role = 'learner'
    order by a.exam_id, a.user_id, a.submitted_at desc nulls last, a.started_at desc`);
  return result.rows;
}

const BUCKETS = 10;

/** A score column as the raw query returns it (numeric as text). */
const toNumber = (value: string | null) => (value === null ? null : Number(value));

/** The attempts' percentages in ten bands (0-9 %, ..., 90-100 %), with the attempts in each. */
function distribute(attempts: { attemptId: string; percent: number | null }[]) {
  const bands = Array.from({ length: BUCKETS }, (_, index) => ({ fromPercent: index * 10, toPercent: index === BUCKETS - 1 ? 100 : index * 10 + 9, attemptIds: [] as string[] }));
  for (const attempt of attempts) {
    if (attempt.percent !== null) bands[Math.min(BUCKETS - 1, Math.floor(attempt.percent / 10))]!.attemptIds.push(attempt.attemptId);
  }
  return bands;
}

/** Per question of Part A: how many of the attempts that drew it answered it right (its facility). */
function measureFacility(rows: AttemptRow[]) {
  const { byId } = readExamQuestionBank();
  const questions = new Map<string, { correctAttemptIds: string[]; wrongAttemptIds: string[] }>();
  for (const row of rows) {
    // A question taken out of the curriculum since can no longer be graded; the rest still can.
    const questionIds = row.question_ids.filter((id) => byId.has(id));
    gradePartA(questionIds, row.answers).questions.forEach((graded, index) => {
      const entry = questions.get(questionIds[index]!) ?? { correctAttemptIds: [], wrongAttemptIds: [] };
      (graded.isCorrect ? entry.correctAttemptIds : entry.wrongAttemptIds).push(row.attempt_id);
      questions.set(questionIds[index]!, entry);
    });
  }
  return [...questions.entries()]
    .map(([questionId, entry]) => {
      const { chapter, section, question } = byId.get(questionId)!;
      const drawn = entry.correctAttemptIds.length + entry.wrongAttemptIds.length;
      return { questionId, chapter, section, prompt: question.prompt, drawnCount: drawn, facilityPercent: percentOf(entry.correctAttemptIds.length, drawn), ...entry };
    })
    .sort((a, b) => a.chapter - b.chapter || a.section.localeCompare(b.section) || a.questionId.localeCompare(b.questionId));
}

/** Exam results of the cohort's learners, one entry per exam that any of them finished; empty until then. */
export async function getCohortExamResults(db: Db, input: { cohortId: string; viewer: CohortViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  const rows = await readLatestAttempts(db, input.cohortId);
  const exams = [...groupBy(rows, (row) => row.exam_id).values()].map((examRows) => {
    const attempts = examRows.map((row) => {
      const [partAScore, partAMaxScore, score, maxScore] = [toNumber(row.part_a_score), toNumber(row.part_a_max_score), toNumber(row.score), toNumber(row.max_score)];
      const partAPercent = partAScore === null || !partAMaxScore ? null : percentOf(partAScore, partAMaxScore);
      return {
        attemptId: row.attempt_id,
        learnerId: row.user_id,
        status: row.status,
        partAScore,
        partAMaxScore,
        score,
        maxScore,
        partAPercent,
        /** The whole exam's once Part B is graded, Part A's until then. */
        percent: score === null || !maxScore ? partAPercent : percentOf(score, maxScore),
        submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at),
      };
    });
    const chapterScores = groupBy(
      examRows.flatMap((row) => row.part_a_chapters ?? []),
      (score) => score.chapter,
    );
    return {
      examId: examRows[0]!.exam_id,
      title: examRows[0]!.title,
      kind: examRows[0]!.kind,
      attempts,
      meanPercent: mean(attempts.flatMap((attempt) => (attempt.percent === null ? [] : [attempt.percent]))),
      distribution: distribute(attempts),
      chapters: [...chapterScores.entries()]
        .sort(([a], [b]) => a - b)
        .map(([chapter, scores]) => ({ chapter, attemptCount: scores.length, meanPercent: mean(scores.map((score) => percentOf(score.score, score.maxScore) ?? 0)) })),
      questions: measureFacility(examRows),
    };
  });
  return { exams };
}
