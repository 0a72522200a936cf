import { loadCurriculum } from "@academy/content";
import type { Db } from "@academy/db";
import { inArray, schema } from "@academy/db";
import type { ExamChapterScore } from "@academy/db/schema";

import { DomainError } from "../domain-error";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { describeAttempt, readCurrentAttempt } from "./finish-attempt";
import { listAttemptExercises, listAttemptQuestions } from "./get-exam-attempt";
import { gradePartA } from "./grade-part-a";
import { resultNotReleased } from "./scheduled/result-release";
import { countSecondsUsed, listPartBSubmissions, readExamRules, readExercisePoints, scoreAttempt, settleExamAttemptScore } from "./score-exam";

const percentOf = (score: number, maxScore: number) => (maxScore === 0 ? 0 : Math.round((10_000 * score) / maxScore) / 100);

/**
 * Part A by chapter, with the chapter's title and its sections (each a lesson with its quiz) to
 * study; the weakest chapters are those with the lowest share right, unless that share is 100%.
 */
export function describeChapters(chapters: readonly ExamChapterScore[]) {
  const curriculum = new Map(loadCurriculum().chapters.map((chapter) => [chapter.number, chapter]));
  const lowest = Math.min(...chapters.map((c) => percentOf(c.score, c.maxScore)));
  return chapters.map(({ chapter, score, maxScore }) => {
    const percent = percentOf(score, maxScore);
    const content = curriculum.get(chapter);
    return {
      chapter,
      title: content?.title ?? `Chapter ${chapter}`,
      score,
      maxScore,
      percent,
      isWeakest: percent === lowest && percent < 100,
      sections: (content?.sections ?? []).map((section) => ({ id: section.id, title: section.title })),
    };
  });
}

/** Each Part B exercise's best submission's report: the one the practice feedback shows, hidden tests by name and message only. */
async function readBestReports(db: Db, submissionIds: string[]) {
  const rows = await db
    .select({ id: schema.submission.id, report: schema.submission.report, status: schema.submission.status, errorMessage: schema.submission.errorMessage })
    .from(schema.submission)
    .where(inArray(schema.submission.id, submissionIds));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A finished attempt's result: the overall score and pass once Part B is graded, Part A by chapter,
 * every question with the learner's answer, the right answer and the explanation, and Part B's
 * exercises with their best submission's report. Refused while the attempt is in progress, so no
 * answer or Part B result leaves before submission, nor before its instructor releases a scheduled
 * exam's results. A stored score missing though every grading
 * has ended (none should be) is settled here.
 */
export async function getExamResult(db: Db, userId: string, attemptId: string, clock: Clock = systemClock) {
  const attempt = await readCurrentAttempt(db, userId, attemptId, clock());
  if (attempt.status === "in-progress") {
    throw new DomainError("PRECONDITION_FAILED", "This exam is still in progress: its result is shown once you submit it or its time runs out.");
  }
  const rules = await readExamRules(db, attempt.examId);
  if (rules.isResultWithheld) throw resultNotReleased();
  const graded = new Map(gradePartA(attempt.questionIds, attempt.answers).questions.map((q) => [q.questionId, q]));
  const questions = listAttemptQuestions(attempt).map((question) => {
    const grade = graded.get(question.id)!;
    return { ...question, code: question.code ?? null, selected: grade.selected, correct: grade.correct, isCorrect: grade.isCorrect, explanation: grade.explanation };
  });
  const [exercises, points, submissions] = await Promise.all([
    listAttemptExercises(db, attempt.exerciseIds),
    readExercisePoints(db, attempt.exerciseIds),
    listPartBSubmissions(db, [attempt.id]),
  ]);
  const partA = { score: attempt.partAScore!, maxScore: attempt.partAMaxScore! };
  const scored = scoreAttempt(rules.blueprint, partA, attempt.exerciseIds.map((id) => ({ id, points: points.get(id) ?? 0 })), submissions);
  if (scored.score !== null && attempt.score === null) await db.transaction((tx) => settleExamAttemptScore(tx, attempt.id));
  const reports = await readBestReports(db, scored.partB.exercises.flatMap((e) => (e.bestSubmissionId ? [e.bestSubmissionId] : [])));
  return {
    ...describeAttempt(attempt),
    submittedAt: attempt.submittedAt!,
    timeUsedSeconds: countSecondsUsed(attempt),
    score: scored.score,
    maxScore: scored.maxScore,
    passPercent: scored.passPercent,
    isPassed: scored.isPassed,
    grading: scored.partB.grading,
    partA: { ...partA, percent: scored.partA.percent, weightPercent: scored.partA.weightPercent, chapters: describeChapters(attempt.partAChapters ?? []) },
    questions,
    partB: {
      percent: scored.partB.percent,
      weightPercent: scored.partB.weightPercent,
      grading: scored.partB.grading,
      exercises: exercises.map((exercise) => {
        const score = scored.partB.exercises.find((e) => e.exerciseId === exercise.id)!;
        const best = score.bestSubmissionId ? reports.get(score.bestSubmissionId) : undefined;
        return {
          ...exercise,
          points: score.points,
          grading: score.grading,
          submissionCount: score.submissionCount,
          bestSubmissionId: score.bestSubmissionId,
          bestScore: score.bestScore,
          bestStatus: best?.status ?? null,
          report: best?.report ?? null,
          errorMessage: best?.errorMessage ?? null,
        };
      }),
    },
  };
}
