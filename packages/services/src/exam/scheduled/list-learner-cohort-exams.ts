import type { Db } from "@academy/db";
import { and, asc, eq, inArray, schema } from "@academy/db";

import type { Clock } from "../clock";
import { systemClock } from "../clock";
import { isOverdue } from "../attempt-row";
import { cohortExamColumns } from "./cohort-exam-access";

const { exam, examAttempt, examExtraTime, cohort, cohortMembership } = schema;

export type LearnerExamState = "upcoming" | "open" | "in-progress" | "submitted" | "missed";

type LearnerAttempt = { attemptId: string; status: "in-progress" | "submitted" | "expired"; deadlineAt: Date; partAScore: number | null; partAMaxScore: number | null; score: number | null; maxScore: number | null };

function learnerState(window: { opensAt: Date; closesAt: Date }, attempt: LearnerAttempt | undefined, now: Date): LearnerExamState {
  if (attempt) return attempt.status === "in-progress" && !isOverdue(attempt, now) ? "in-progress" : "submitted";
  if (now.getTime() < window.opensAt.getTime()) return "upcoming";
  return now.getTime() < window.closesAt.getTime() ? "open" : "missed";
}

/**
 * The scheduled exams of the cohorts the user learns in: upcoming, open, in progress (with the
 * attempt to go back to), submitted or missed. A score appears only once the results are released.
 */
export async function listLearnerCohortExams(db: Db, userId: string, clock: Clock = systemClock) {
  const now = clock();
  const exams = await db
    .select({
      id: cohortExamColumns.id,
      title: cohortExamColumns.title,
      opensAt: cohortExamColumns.opensAt,
      closesAt: cohortExamColumns.closesAt,
      durationMinutes: cohortExamColumns.durationMinutes,
      resultsReleasedAt: cohortExamColumns.resultsReleasedAt,
      cohortName: cohort.name,
      extraMinutes: examExtraTime.minutes,
    })
    .from(exam)
    .innerJoin(cohortMembership, and(eq(cohortMembership.cohortId, exam.cohortId), eq(cohortMembership.userId, userId), eq(cohortMembership.role, "learner")))
    .innerJoin(cohort, eq(cohort.id, exam.cohortId))
    .leftJoin(examExtraTime, and(eq(examExtraTime.examId, exam.id), eq(examExtraTime.userId, userId)))
    .where(eq(exam.kind, "exam"))
    .orderBy(asc(exam.opensAt));
  const attempts =
    exams.length === 0
      ? []
      : await db
          .select({
            examId: examAttempt.examId,
            attemptId: examAttempt.id,
            status: examAttempt.status,
            startedAt: examAttempt.startedAt,
            deadlineAt: examAttempt.deadlineAt,
            partAScore: examAttempt.partAScore,
            partAMaxScore: examAttempt.partAMaxScore,
            score: examAttempt.score,
            maxScore: examAttempt.maxScore,
          })
          .from(examAttempt)
          .where(and(eq(examAttempt.userId, userId), inArray(examAttempt.examId, exams.map((e) => e.id))))
          .orderBy(asc(examAttempt.startedAt));
  // The latest attempt per exam wins: later rows overwrite earlier ones.
  const attemptByExam = new Map(attempts.map((attempt) => [attempt.examId, attempt]));
  return exams.map((row) => {
    const attempt = attemptByExam.get(row.id);
    const state = learnerState({ opensAt: row.opensAt!, closesAt: row.closesAt! }, attempt, now);
    const isReleased = row.resultsReleasedAt !== null;
    return {
      id: row.id,
      title: row.title,
      cohortName: row.cohortName,
      opensAt: row.opensAt!,
      closesAt: row.closesAt!,
      durationMinutes: row.durationMinutes,
      extraMinutes: row.extraMinutes ?? 0,
      state,
      attemptId: attempt?.attemptId ?? null,
      deadlineAt: attempt?.deadlineAt ?? null,
      isResultReleased: isReleased,
      result:
        isReleased && state === "submitted" && attempt
          ? { partAScore: attempt.partAScore, partAMaxScore: attempt.partAMaxScore, score: attempt.score, maxScore: attempt.maxScore }
          : null,
    };
  });
}
