import type { SqlExecutor } from "@academy/db";
import { consoleLogger, notifyGradingEnqueued, type Logger } from "@academy/submission-lifecycle";
import PgBoss from "pg-boss";
import { z } from "zod";

import { isConnectionLoss } from "./connection-loss";
import { GRADING_PRIORITY, type GradingLane } from "./grading-priority";

export const GRADING_QUEUE = "grading";
const QUEUE_SCHEMA = "pgboss";

/**
 * A request id as a trusted proxy or the web app writes it (a UUID, a hex trace id, ...): short,
 * printable, without spaces or quotes, so it can go into logs and job data as it is.
 */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/);
/** `requestId`: the web request that created the submission, so the grader's log lines carry it too. */
export const gradingJobSchema = z.object({ submissionId: z.uuid(), requestId: requestIdSchema.optional() });
export type GradingJob = z.infer<typeof gradingJobSchema>;
/** A regrade preview's item: a learner's submission graded again, its result kept apart from the submission. */
export const previewGradingJobSchema = z.object({ previewItemId: z.uuid() });
export type PreviewGradingJob = z.infer<typeof previewGradingJobSchema>;

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
export async function enqueueGradingJob(boss: GradingQueue, job: GradingJob, options: { lane: GradingLane; executor?: SqlExecutor }) {
  const data = gradingJobSchema.parse(job);
  const { executor } = options;
  const id = await boss.send(GRADING_QUEUE, data, { priority: GRADING_PRIORITY[options.lane], ...(executor ? { db: executor as PgBoss.Db } : {}) });
  if (executor) await notifyGradingEnqueued(executor);
  return id;
}

/** Previews always go in the regrade lane: a burst of them waits behind every learner's own grading. */
export async function enqueuePreviewGradingJob(boss: GradingQueue, job: PreviewGradingJob, options: { executor: SqlExecutor }) {
  const data = previewGradingJobSchema.parse(job);
  const id = await boss.send(GRADING_QUEUE, data, { priority: GRADING_PRIORITY.regrade, db: options.executor as PgBoss.Db });
  await notifyGradingEnqueued(options.executor);
  return id;
}

/** Deletes the waiting jobs of discarded preview items, so graders spend no time on them; a taken one finds its item gone. */
export async function deleteWaitingPreviewJobs(executor: SqlExecutor, previewItemIds: string[]) {
  if (previewItemIds.length === 0) return;
  await executor.executeSql(
    `DELETE FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry') AND data->>'previewItemId' = ANY($2::text[])`,
    [GRADING_QUEUE, previewItemIds],
  );
}

/**
 * This submission's waiting job: its lane (priority) and the jobs a grader will take before it, in
 * pg-boss's own fetch order (priority, then enqueue time): those of a higher lane and the earlier
 * ones of its lane. Null when it has no waiting job (a grader has just taken it).
 */
export async function findGradingPlace(executor: SqlExecutor, submissionId: string) {
  const { rows } = await executor.executeSql(
    `SELECT mine.priority, (
       SELECT count(*)::int FROM ${QUEUE_SCHEMA}.job other
       WHERE other.name = $1 AND other.state < 'active'
         AND (other.priority > mine.priority OR (other.priority = mine.priority AND (other.created_on, other.id) < (mine.created_on, mine.id)))
     ) AS ahead
     FROM ${QUEUE_SCHEMA}.job mine
     WHERE mine.name = $1 AND mine.state < 'active' AND mine.data->>'submissionId' = $2
     ORDER BY mine.priority DESC, mine.created_on, mine.id LIMIT 1`,
    [GRADING_QUEUE, submissionId],
  );
  return (rows[0] as { priority: number; ahead: number } | undefined) ?? null;
}

/** Jobs a grader will take before this submission's waiting job; 0 when it has none. */
export async function countGradingJobsAhead(executor: SqlExecutor, submissionId: string) {
  return (await findGradingPlace(executor, submissionId))?.ahead ?? 0;
}

// The recent gradings a lane's pace is read from: enough for a steady median, recent enough to follow a change of load.
const PACE_SAMPLE = 50;
const PACE_WINDOW_MINUTES = 30;

/**
 * How fast a lane moves now: the median time from a grader taking a job to completing it, over
 * the lane's last 50 completed jobs of the last 30 minutes (null without any), and the jobs being
 * graded right now. While jobs wait, every free slot of every working grader takes one at once,
 * so the jobs active now are the working graders' total concurrency.
 */
export async function readGradingPace(executor: SqlExecutor, priority: number) {
  const { rows } = await executor.executeSql(
    `SELECT
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM recent.completed_on - recent.started_on))
        FROM (
          SELECT started_on, completed_on FROM ${QUEUE_SCHEMA}.job
          WHERE name = $1 AND state = 'completed' AND priority = $2 AND completed_on > now() - make_interval(mins => $3)
          ORDER BY completed_on DESC LIMIT $4
        ) recent) AS median_seconds,
       (SELECT count(*)::int FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state = 'active') AS active_jobs`,
    [GRADING_QUEUE, priority, PACE_WINDOW_MINUTES, PACE_SAMPLE],
  );
  const row = rows[0] as { median_seconds: number | null; active_jobs: number };
  return { medianSeconds: row.median_seconds === null ? null : Number(row.median_seconds), activeJobs: row.active_jobs };
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
