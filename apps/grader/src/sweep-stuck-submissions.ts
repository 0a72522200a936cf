import type { Db } from "@academy/db";
import { and, inArray, schema, sql } from "@academy/db";
import { settleExamAttemptScore, sweepStuckPreviewItems } from "@academy/services";
import { notifySubmissionStatus, PENDING_STATUSES } from "@academy/submission-lifecycle";

import type { Logger } from "./logger";
import { startPeriodicSweep } from "./periodic-sweep";

export const STUCK_SUBMISSION_MESSAGE =
  "The grader stopped before it finished grading this submission, and its retries did not recover. This is not a problem with your code, which is saved: submit it again.";

/** pg-boss job states from which a job can still be graded: waiting, waiting to retry, or taken by a worker. */
const LIVE_JOB_STATES = sql.raw(`'created', 'retry', 'active'`);

/**
 * Ends every pending submission that no live job will grade any more: its job failed or expired
 * on its last try (a worker killed during it stores nothing), completed without a result, or was
 * archived or deleted. A submission and its job are created in one transaction, so a pending
 * submission without a live job is never one still being admitted.
 */
export async function sweepStuckSubmissions(db: Db) {
  return db.transaction(async (tx) => {
    const swept = await tx
      .update(schema.submission)
      .set({ status: "error", errorMessage: STUCK_SUBMISSION_MESSAGE, finishedAt: new Date() })
      .where(
        and(
          inArray(schema.submission.status, [...PENDING_STATUSES]),
          // Any queue counts: the job is found by the submission it carries.
          sql`not exists (select 1 from pgboss.job j where j.data->>'submissionId' = ${schema.submission.id}::text and j.state in (${LIVE_JOB_STATES}))`,
        ),
      )
      .returning({ id: schema.submission.id, userId: schema.submission.userId, examAttemptId: schema.submission.examAttemptId });
    // An exam's submission ended here may be the last its finished attempt waited for.
    const attemptIds = new Set(swept.flatMap((row) => (row.examAttemptId ? [row.examAttemptId] : [])));
    for (const attemptId of attemptIds) await settleExamAttemptScore(tx, attemptId);
    for (const row of swept) await notifySubmissionStatus(tx, { submissionId: row.id, userId: row.userId, status: "error" });
    return swept;
  });
}

/**
 * Sweeps every `intervalSeconds` (pg-boss's maintenance interval: a dead worker's job is failed
 * by maintenance, then ended here) until stopped. A failed sweep (database restarting) waits for the next.
 */
export function startStuckSubmissionSweep(options: { db: Db; intervalSeconds: number; logger: Logger }) {
  const { db, logger } = options;
  return startPeriodicSweep({
    name: "stuck submissions",
    intervalSeconds: options.intervalSeconds,
    logger,
    sweep: async () => {
      for (const row of await sweepStuckSubmissions(db)) logger.warn({ msg: "no job left to grade the submission: marked error", submissionId: row.id });
      // A regrade preview's items too, so a preview whose worker died still finishes.
      for (const row of await sweepStuckPreviewItems(db)) logger.warn({ msg: "no job left to grade the preview item: marked error", previewItemId: row.id });
    },
  });
}
