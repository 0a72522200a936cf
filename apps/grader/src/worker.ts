import type { Db } from "@academy/db";
import { GRADING_ENQUEUED_CHANNEL, GRADING_QUEUE, startGradingQueue } from "@academy/queue";
import pg from "pg";
import { createContainerPool, createDockerClient, defaultLimits, findGraderImage, removeLeftoverContainers } from "@academy/sandbox";

import type { GraderConfig } from "./config";

const RUN_MODES = ["process", "in-process", "write-tests"] as const;
import { handleGradingJob } from "./handle-grading-job";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { startStuckSubmissionSweep } from "./sweep-stuck-submissions";

/** Starts `concurrency` pollers on the shared queue; returns a graceful stop. */
export async function startWorker(options: { config: GraderConfig; db: Db; logger: Logger; metrics: Metrics }) {
  const { config, db, logger, metrics } = options;
  const docker = createDockerClient();
  const removed = await removeLeftoverContainers({ docker });
  if (removed > 0) logger.warn({ msg: "removed containers left by a dead grader", count: removed });
  // One ready container per concurrent grading: a job starts in its container at once.
  const containers = createContainerPool({
    docker,
    image: await findGraderImage(docker),
    limits: defaultLimits,
    size: config.GRADER_POOL_SIZE ?? config.GRADER_CONCURRENCY,
    modes: ["process"],
    onError: (error) => logger.warn({ msg: "a spare grading container did not start", error: String(error) }),
  });

  const queue = await startGradingQueue({
    connectionString: config.DATABASE_URL,
    isWorker: true,
    expireInSeconds: config.GRADER_JOB_EXPIRE_SECONDS,
    maintenanceIntervalSeconds: config.GRADER_MAINTENANCE_SECONDS,
    max: config.GRADER_CONCURRENCY + 2,
  });
  // Ends submissions whose job is done for (pg-boss's maintenance fails a dead worker's last try).
  const sweep = startStuckSubmissionSweep({ db, intervalSeconds: config.GRADER_MAINTENANCE_SECONDS, logger });
  const deps = { db, exercisesDir: config.EXERCISES_DIR, containers, logger, metrics };
  const inFlight = new Set<Promise<void>>();
  const workerIds: string[] = [];
  for (let i = 0; i < config.GRADER_CONCURRENCY; i++) {
    const workerId = await queue.work(GRADING_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: config.GRADER_POLL_SECONDS }, async ([job]) => {
      if (!job) return;
      const grading = handleGradingJob(deps, { id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit });
      inFlight.add(grading);
      try {
        await grading;
      } finally {
        inFlight.delete(grading);
      }
    });
    workerIds.push(workerId);
  }
  // Polling stays as the fallback; a wake-up only saves the wait for the next poll.
  const wakeUps = new pg.Client({ connectionString: config.DATABASE_URL });
  wakeUps.on("notification", () => workerIds.forEach((id) => queue.notifyWorker(id)));
  wakeUps.on("error", (error) => logger.warn({ msg: "wake-up listener failed; polling only", error: String(error) }));
  await wakeUps.connect();
  await wakeUps.query(`LISTEN ${GRADING_ENQUEUED_CHANNEL}`);
  logger.info({ msg: "grader ready", concurrency: config.GRADER_CONCURRENCY, exercisesDir: config.EXERCISES_DIR });

  return {
    queue,
    refreshMetrics: async () => {
      for (const mode of RUN_MODES) metrics.readyContainers.set({ mode }, containers.countReady(mode));
      metrics.queueDepth.set(await queue.getQueueSize(GRADING_QUEUE));
    },
    /** Lets gradings in progress finish (up to the drain time); unstarted jobs stay queued for others. */
    stop: async () => {
      await wakeUps.end().catch(() => undefined);
      await queue.offWork(GRADING_QUEUE);
      const drainDeadline = new Promise((resolve) => setTimeout(resolve, config.GRADER_DRAIN_SECONDS * 1000).unref());
      await Promise.race([Promise.allSettled([...inFlight]), drainDeadline]);
      await sweep.stop();
      // Lets pg-boss record the last completions before its connections close.
      await queue.stop({ graceful: true, wait: true, timeout: 5_000 });
      await containers.close();
    },
  };
}
