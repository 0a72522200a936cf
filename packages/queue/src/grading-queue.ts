import PgBoss from "pg-boss";
import { z } from "zod";

export const GRADING_QUEUE = "grading";
/** Postgres channel on which a sender wakes idle graders, so a job waits for no polling interval. */
export const GRADING_ENQUEUED_CHANNEL = "grading_enqueued";
/** Postgres channel on which the grader announces each submission's status change. */
export const SUBMISSION_STATUS_CHANNEL = "submission_status";

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
};

export async function startGradingQueue(options: QueueOptions) {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: "pgboss",
    max: options.max ?? 4,
    supervise: options.isWorker ?? false,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
  });
  boss.on("error", (error) => console.error(JSON.stringify({ level: "error", msg: "queue error", error: String(error) })));
  await boss.start();
  await boss.createQueue(GRADING_QUEUE, {
    name: GRADING_QUEUE,
    // Retries are for infrastructure failures only: a report, whatever its grade, completes the job.
    retryLimit: 3,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 180,
    retentionSeconds: 24 * 60 * 60,
  });
  return boss;
}

export type GradingQueue = Awaited<ReturnType<typeof startGradingQueue>>;
export type SqlExecutor = { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };

/** With an executor, the job and the wake-up commit (or roll back) with the caller's transaction. */
export async function enqueueGradingJob(boss: GradingQueue, job: GradingJob, executor?: SqlExecutor) {
  const data = gradingJobSchema.parse(job);
  const id = await boss.send(GRADING_QUEUE, data, executor ? { db: executor as PgBoss.Db } : {});
  if (executor) await executor.executeSql("SELECT pg_notify($1, '')", [GRADING_ENQUEUED_CHANNEL]);
  return id;
}
