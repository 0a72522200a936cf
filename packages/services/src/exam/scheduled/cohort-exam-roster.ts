import type { Db } from "@academy/db";
import { and, asc, count, desc, eq, schema, sql } from "@academy/db";

import type { CohortViewer } from "../../cohort/cohort-access";
import { findTaughtCohort } from "../../cohort/cohort-access";
import type { Clock } from "../clock";
import { systemClock } from "../clock";
import { findTaughtCohortExam } from "./cohort-exam-access";

const { exam, examAttempt, examExtraTime, cohortMembership, user } = schema;

export type RosterState = "not-started" | "in-progress" | "submitted";

function rosterState(attempt: { status: string } | undefined): RosterState {
  if (!attempt) return "not-started";
  return attempt.status === "in-progress" ? "in-progress" : "submitted";
}

async function readLearners(db: Db, cohortId: string, examId: string) {
  return db
    .select({ userId: user.id, name: user.name, email: user.email, extraMinutes: sql<number>`coalesce(${examExtraTime.minutes}, 0)`.mapWith(Number) })
    .from(cohortMembership)
    .innerJoin(user, eq(user.id, cohortMembership.userId))
    .leftJoin(examExtraTime, and(eq(examExtraTime.examId, examId), eq(examExtraTime.userId, user.id)))
    .where(and(eq(cohortMembership.cohortId, cohortId), eq(cohortMembership.role, "learner")))
    .orderBy(asc(user.name), asc(user.email));
}

/** Each learner's latest attempt at the exam (a scheduled exam is taken once, so normally their only one). */
async function readLatestAttempts(db: Db, examId: string) {
  const rows = await db
    .selectDistinctOn([examAttempt.userId], {
      userId: examAttempt.userId,
      attemptId: examAttempt.id,
      status: examAttempt.status,
      startedAt: examAttempt.startedAt,
      deadlineAt: examAttempt.deadlineAt,
      submittedAt: examAttempt.submittedAt,
      partAScore: examAttempt.partAScore,
      partAMaxScore: examAttempt.partAMaxScore,
      score: examAttempt.score,
      maxScore: examAttempt.maxScore,
    })
    .from(examAttempt)
    .where(eq(examAttempt.examId, examId))
    .orderBy(examAttempt.userId, desc(examAttempt.startedAt));
  return new Map(rows.map((row) => [row.userId, row]));
}

/**
 * The exam's roster for its instructors, as of `now`: every learner of the cohort, not started, in
 * progress (with their deadline, so the page counts down) or submitted, with their scores, which
 * instructors see whether or not the results are released.
 */
export async function getCohortExamRoster(db: Db, input: { examId: string; viewer: CohortViewer }, clock: Clock = systemClock) {
  const { exam: current, cohort } = await findTaughtCohortExam(db, input.examId, input.viewer);
  const now = clock();
  const [learners, attempts] = await Promise.all([readLearners(db, current.cohortId, current.id), readLatestAttempts(db, current.id)]);
  const rows = learners.map((learner) => {
    const attempt = attempts.get(learner.userId);
    return {
      ...learner,
      state: rosterState(attempt),
      attemptId: attempt?.attemptId ?? null,
      isExpired: attempt?.status === "expired",
      startedAt: attempt?.startedAt ?? null,
      deadlineAt: attempt?.deadlineAt ?? null,
      submittedAt: attempt?.submittedAt ?? null,
      partAScore: attempt?.partAScore ?? null,
      partAMaxScore: attempt?.partAMaxScore ?? null,
      score: attempt?.score ?? null,
      maxScore: attempt?.maxScore ?? null,
    };
  });
  const { blueprint: _blueprint, ...examFields } = current;
  return {
    exam: { ...examFields, cohortName: cohort.name },
    now,
    learners: rows,
    counts: {
      notStarted: rows.filter((row) => row.state === "not-started").length,
      inProgress: rows.filter((row) => row.state === "in-progress").length,
      submitted: rows.filter((row) => row.state === "submitted").length,
    },
  };
}

export type CohortExamRoster = Awaited<ReturnType<typeof getCohortExamRoster>>;

/** The cohort's scheduled exams for its instructors, latest opening first, with how many started and submitted. */
export async function listCohortExams(db: Db, input: { cohortId: string; viewer: CohortViewer }) {
  const cohort = await findTaughtCohort(db, input.cohortId, input.viewer);
  const attempts = db
    .select({
      examId: examAttempt.examId,
      started: count().as("started"),
      submitted: sql<number>`count(*) filter (where ${examAttempt.status} <> 'in-progress')`.mapWith(Number).as("submitted"),
    })
    .from(examAttempt)
    .groupBy(examAttempt.examId)
    .as("attempts");
  const exams = await db
    .select({
      id: exam.id,
      title: exam.title,
      opensAt: exam.opensAt,
      closesAt: exam.closesAt,
      durationMinutes: exam.durationMinutes,
      resultsReleasedAt: exam.resultsReleasedAt,
      startedCount: sql<number>`coalesce(${attempts.started}, 0)`.mapWith(Number),
      submittedCount: sql<number>`coalesce(${attempts.submitted}, 0)`.mapWith(Number),
    })
    .from(exam)
    .leftJoin(attempts, eq(attempts.examId, exam.id))
    .where(and(eq(exam.cohortId, cohort.id), eq(exam.kind, "exam")))
    .orderBy(desc(exam.opensAt));
  return { cohort: { id: cohort.id, name: cohort.name, isArchived: cohort.archivedAt !== null }, exams: exams.map((row) => ({ ...row, opensAt: row.opensAt!, closesAt: row.closesAt! })) };
}
