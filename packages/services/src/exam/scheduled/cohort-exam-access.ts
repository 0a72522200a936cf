import type { Db } from "@academy/db";
import { and, eq, schema, sql } from "@academy/db";

import type { CohortViewer } from "../../cohort/cohort-access";
import { findTaughtCohort } from "../../cohort/cohort-access";
import { DomainError } from "../../domain-error";

const { exam, examAttempt, cohortMembership, examExtraTime } = schema;

/** The columns every scheduled-exam service reads. */
export const cohortExamColumns = {
  id: exam.id,
  title: exam.title,
  cohortId: exam.cohortId,
  durationMinutes: exam.durationMinutes,
  opensAt: exam.opensAt,
  closesAt: exam.closesAt,
  resultsReleasedAt: exam.resultsReleasedAt,
  blueprint: exam.blueprint,
  createdAt: exam.createdAt,
};

/** A scheduled exam always has its cohort and window; the columns are nullable only because the mock shares the table. */
function toScheduled<Row extends { cohortId: string | null; opensAt: Date | null; closesAt: Date | null }>(row: Row) {
  return { ...row, cohortId: row.cohortId!, opensAt: row.opensAt!, closesAt: row.closesAt! };
}

export type CohortExamRow = ReturnType<typeof toScheduled<Awaited<ReturnType<typeof readCohortExam>>[number]>>;

function readCohortExam(db: Db, examId: string) {
  return db
    .select(cohortExamColumns)
    .from(exam)
    .where(and(eq(exam.id, examId), eq(exam.kind, "exam")));
}

/** The scheduled exam if the viewer teaches its cohort (or is an admin); another instructor is refused. */
export async function findTaughtCohortExam(db: Db, examId: string, viewer: CohortViewer) {
  const [row] = await readCohortExam(db, examId);
  if (!row?.cohortId) throw new DomainError("NOT_FOUND", "This scheduled exam does not exist.");
  const cohort = await findTaughtCohort(db, row.cohortId, viewer);
  return { exam: toScheduled(row), cohort };
}

type LearnerAttemptJson = { id: string; status: "in-progress" | "submitted" | "expired"; deadlineAt: string };

/**
 * The scheduled exam if the user learns in its cohort, with their extra minutes on it and their
 * attempts at it (read in the same statement: starting is the rush of an exam's opening); anyone
 * else is refused, whatever the exam's id.
 */
export async function findLearnerCohortExam(db: Db, examId: string, userId: string) {
  const [row] = await db
    .select({
      ...cohortExamColumns,
      role: cohortMembership.role,
      extraMinutes: sql<number>`coalesce(${examExtraTime.minutes}, 0)`.mapWith(Number),
      attempts: sql<LearnerAttemptJson[]>`(select coalesce(json_agg(json_build_object('id', a.id, 'status', a.status, 'deadlineAt', a.deadline_at)), '[]')
        from ${examAttempt} a where a.exam_id = ${exam.id} and a.user_id = ${userId})`,
    })
    .from(exam)
    .innerJoin(cohortMembership, and(eq(cohortMembership.cohortId, exam.cohortId), eq(cohortMembership.userId, userId)))
    .leftJoin(examExtraTime, and(eq(examExtraTime.examId, exam.id), eq(examExtraTime.userId, userId)))
    .where(and(eq(exam.id, examId), eq(exam.kind, "exam")));
  if (!row || row.role !== "learner") {
    throw new DomainError("FORBIDDEN", "This exam is set for a cohort you are not a learner in, so you cannot see or take it.");
  }
  const { role: _role, attempts, ...examRow } = row;
  return { ...toScheduled(examRow), attempts: attempts.map((attempt) => ({ ...attempt, deadlineAt: new Date(attempt.deadlineAt) })) };
}
