import type { Db, DbExecutor } from "@academy/db";
import { and, eq, inArray, schema } from "@academy/db";
import { notifySubmissionStatus, PENDING_STATUSES, type GradingReport } from "@academy/submission-lifecycle";

import { settleExamAttemptScore } from "../exam/score-exam";

// The grader's writes of a grading's outcome. They live here, beside the services that read them,
// so every test stores a result exactly as the grader does, exam scoring included.

const isPending = inArray(schema.submission.status, [...PENDING_STATUSES]);

/** Marks a queued submission as running; false when another worker already finished it. */
export async function markRunning(db: Db, submissionId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(schema.submission)
      .set({ status: "running", startedAt: new Date() })
      .where(and(eq(schema.submission.id, submissionId), isPending))
      .returning({ userId: schema.submission.userId });
    if (row) await notifySubmissionStatus(tx, { submissionId, userId: row.userId, status: "running" });
    return Boolean(row);
  });
}

/**
 * Stores a report once: only a submission still pending takes it, so a job run twice (its
 * first worker died after grading) never stores two results. A submission of a finished exam
 * settles its attempt's score in the same transaction, and the submission table's triggers
 * update the learner's gradebook cell (learner_exercise_best) in it too.
 */
export async function storeGradingResult(db: DbExecutor, submissionId: string, report: GradingReport) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(schema.submission)
      .set({
        status: report.status,
        score: report.score,
        maxScore: report.maxScore,
        report,
        finishedAt: new Date(),
      })
      .where(and(eq(schema.submission.id, submissionId), isPending))
      .returning({ userId: schema.submission.userId, examAttemptId: schema.submission.examAttemptId });
    if (!row) return false;
    if (report.tests.length > 0) {
      await tx.insert(schema.testResult).values(
        report.tests.map((test, position) => ({
          submissionId,
          position,
          name: test.name,
          visibility: test.visibility,
          status: test.status,
          durationMs: Math.round(test.durationMs),
          message: test.message,
        })),
      );
    }
    if (row.examAttemptId) await settleExamAttemptScore(tx, row.examAttemptId);
    await notifySubmissionStatus(tx, { submissionId, userId: row.userId, status: report.status });
    return true;
  });
}

/** The grading could not run at all (after the queue's retries): the learner is told, nothing hangs. */
export async function storeGradingFailure(db: Db, submissionId: string, message: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(schema.submission)
      .set({ status: "error", errorMessage: message, finishedAt: new Date() })
      .where(and(eq(schema.submission.id, submissionId), isPending))
      .returning({ userId: schema.submission.userId, examAttemptId: schema.submission.examAttemptId });
    if (!row) return false;
    if (row.examAttemptId) await settleExamAttemptScore(tx, row.examAttemptId);
    await notifySubmissionStatus(tx, { submissionId, userId: row.userId, status: "error" });
    return true;
  });
}
