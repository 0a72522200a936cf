import type { Db } from "@academy/db";
import { and, eq, inArray, schema, sql } from "@academy/db";
import { encodeStatusEvent, SUBMISSION_STATUS_CHANNEL } from "@academy/queue";
import type { GradingReport } from "@academy/sandbox";

const PENDING = ["queued", "running"] as const;

/** Tells every listener (the learner's browser) of a status change; commits with the caller's transaction. */
export async function notifyStatusChange(tx: Pick<Db, "execute">, submissionId: string, userId: string, status: string) {
  await tx.execute(sql`select pg_notify(${SUBMISSION_STATUS_CHANNEL}, ${encodeStatusEvent({ submissionId, userId, status })})`);
}

/** Marks a queued submission as running; false when another worker already finished it. */
export async function markRunning(db: Db, submissionId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(schema.submission)
      .set({ status: "running", startedAt: new Date() })
      .where(and(eq(schema.submission.id, submissionId), inArray(schema.submission.status, [...PENDING])))
      .returning({ userId: schema.submission.userId });
    if (row) await notifyStatusChange(tx, submissionId, row.userId, "running");
    return Boolean(row);
  });
}

/**
 * Stores a report once: only a submission still pending takes it, so a job run twice (its
 * first worker died after grading) never stores two results.
 */
export async function storeGradingResult(db: Db, submissionId: string, report: GradingReport) {
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
      .where(and(eq(schema.submission.id, submissionId), inArray(schema.submission.status, [...PENDING])))
      .returning({ userId: schema.submission.userId });
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
    await notifyStatusChange(tx, submissionId, row.userId, report.status);
    return true;
  });
}

/** The grading could not run at all (after the queue's retries): the learner is told, nothing hangs. */
export async function storeGradingFailure(db: Db, submissionId: string, message: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(schema.submission)
      .set({ status: "error", errorMessage: message, finishedAt: new Date() })
      .where(and(eq(schema.submission.id, submissionId), inArray(schema.submission.status, [...PENDING])))
      .returning({ userId: schema.submission.userId });
    if (row) await notifyStatusChange(tx, submissionId, row.userId, "error");
    return Boolean(row);
  });
}
