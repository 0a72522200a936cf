import type { SqlExecutor } from "@academy/db";
import { consoleLogger, notifyGradingEnqueued, type Logger } from "@academy/submission-lifecycle";
import PgBoss from "pg-boss";
import { z } from "zod";

import { isConnectionLoss } from "./connection-loss";

export const GRADING_QUEUE = "grading";
const QUEUE_SCHEMA = "pgboss";

export const gradingJobSchema = z.object({ submissionId: z.uuid() });
export type GradingJob = z.infer<typeof gradingJobSchema>;

export type QueueOptions = {
  connectionString: string;
  /** Only graders run pg-boss maintenance (expiring jobs of dead workers); the web app only sends. */
  isWorker?: boolean;
  /** A job still active after this long is taken as lost (its worker died) and retried. */
  expireInSeconds?: number;
  maintenanceIntervalSeconds?: number;
  max?: number;
  logger?: Logger;
};

// While the database restarts, every poll fails the same way: one line per interval says enough.
const CONNECTION_LOSS_LOG_INTERVAL_MS = 10_000;

function logQueueErrors(boss: PgBoss, logger: Logger) {
  let lastConnectionLossLog = 0;
  boss.on("error", (error) => {
    if (!isConnectionLoss(error)) return logger.error({ msg: "queue error", error: String(error) });
    if (Date.now() - lastConnectionLossLog < CONNECTION_LOSS_LOG_INTERVAL_MS) return;
    lastConnectionLossLog = Date.now();
    logger.warn({ msg: "queue lost its database connection; retrying", error: error.message });
  });
}

export async function startGradingQueue(options: QueueOptions) {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: QUEUE_SCHEMA,
    max: options.max ?? 4,
    supervise: options.isWorker ?? false,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
  });
  logQueueErrors(boss, options.logger ?? consoleLogger);
  await boss.start();
  await boss.createQueue(GRADING_QUEUE, {
    name: GRADING_QUEUE,
    // Retries are for infrastructure failures only: a report, whatever its grade, completes the job.
    retryLimit: 3,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 180,
    // A job no grader takes within a day is archived (and its submission swept as an error). pg-boss 10
    // reads retentionMinutes here; it ignores retentionSeconds, which left waiting jobs 14 days.
    retentionMinutes: 24 * 60,
  });
  return boss;
}

export type GradingQueue = Awaited<ReturnType<typeof startGradingQueue>>;

/** With an executor, the job and the wake-up commit (or roll back) with the caller's transaction. */
export async function enqueueGradingJob(boss: GradingQueue, job: GradingJob, executor?: SqlExecutor) {
  const data = gradingJobSchema.parse(job);
  const id = await boss.send(GRADING_QUEUE, data, executor ? { db: executor as PgBoss.Db } : {});
  if (executor) await notifyGradingEnqueued(executor);
  return id;
}

/**
 * Puts an active job back in the queue without spending one of its retries (the engine that
 * would grade it is gone, which says nothing about the job). This is pg-boss's own retry(),
 * which takes failed jobs only, applied to the active one; the worker's completion then finds
 * no active job and changes nothing.
 */
export async function putBackGradingJob(boss: GradingQueue, jobId: string, delaySeconds = 0) {
  const result = await boss.getDb().executeSql(
    `UPDATE ${QUEUE_SCHEMA}.job SET state = 'retry', retry_limit = retry_limit + 1, start_after = now() + $3 * interval '1 second'
     WHERE name = $1 AND id = $2 AND state = 'active'`,
    [GRADING_QUEUE, jobId, delaySeconds],
  );
  return (result as { rowCount?: number }).rowCount === 1;
}
