import { setTimeout as sleep } from "node:timers/promises";

import type { Db } from "@academy/db";
import { GRADING_QUEUE, putBackGradingJob, startGradingQueue } from "@academy/queue";
import {
  assertSeccompEnforced,
  SeccompUnavailableError,
  createContainerPool,
  createDockerClient,
  defaultLimits,
  findGraderImage,
  removeLeftoverContainers,
  type ContainerPool,
} from "@academy/sandbox";
import { GRADING_ENQUEUED_CHANNEL, listenToChannel } from "@academy/submission-lifecycle";

import type { GraderConfig } from "./config";
import { createEngineMonitor, EngineUnavailableError } from "./engine-monitor";
import { handleGradingJob, type JobDeps } from "./handle-grading-job";
import type { Logger } from "./logger";
import type { Metrics, Readiness } from "./metrics";
import { startOverdueExamSweep } from "./sweep-overdue-exams";
import { startStuckSubmissionSweep } from "./sweep-stuck-submissions";

const RUN_MODES = ["process", "in-process", "write-tests"] as const;
/** How long a job waits out engine outages without spending a try (README: "Faults the system rides out"). */
const ENGINE_OUTAGE_WAIT_MS = 30 * 60_000;
// After a failed preparation (no image, no seccomp), the next try waits this long, doubling.
const FIRST_PREPARE_RETRY_MS = 5000;
const MAX_PREPARE_RETRY_MS = 60_000;

/**
 * Takes jobs off the shared queue with `concurrency` pollers while the Docker engine answers and
 * the grading checks pass, and not otherwise: with the engine down (at start or later) the grader
 * waits, says why on /readyz, and leaves the jobs queued for itself or another grader.
 */
export async function startWorker(options: { config: GraderConfig; db: Db; logger: Logger; metrics: Metrics }) {
  const { config, db, logger, metrics } = options;
  const docker = createDockerClient({ callTimeoutMs: config.GRADER_DOCKER_TIMEOUT_SECONDS * 1000 });
  const engine = createEngineMonitor({ docker, logger, checkEveryMs: config.GRADER_ENGINE_CHECK_SECONDS * 1000 });
  const queue = await startGradingQueue({
    connectionString: config.DATABASE_URL,
    isWorker: true,
    expireInSeconds: config.GRADER_JOB_EXPIRE_SECONDS,
    maintenanceIntervalSeconds: config.GRADER_MAINTENANCE_SECONDS,
    max: config.GRADER_CONCURRENCY + 2,
    logger,
  });
  // Ends submissions whose job is done for (pg-boss's maintenance fails a dead worker's last try).
  const sweep = startStuckSubmissionSweep({ db, intervalSeconds: config.GRADER_MAINTENANCE_SECONDS, logger });
  // Submits exam attempts past their deadline, with or without a browser open.
  const examSweep = startOverdueExamSweep({ db, intervalSeconds: config.GRADER_MAINTENANCE_SECONDS, logger });
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let workerIds: string[] = [];
  let containers: ContainerPool | undefined;
  let readiness: Readiness = { isReady: false, reason: "starting" };
  const setReadiness = (next: Readiness) => {
    readiness = next;
    metrics.isReady.set(next.isReady ? 1 : 0);
  };

  // Checked again after every outage: the engine that comes back may be another one.
  const prepare = async (): Promise<JobDeps> => {
    const image = await findGraderImage(docker);
    // An engine without seccomp cannot take the profile either: allowed, its containers run without one.
    let isSeccompDisabled = false;
    try {
      await assertSeccompEnforced(docker, image);
    } catch (error) {
      if (!(error instanceof SeccompUnavailableError) || !config.GRADER_ALLOW_NO_SECCOMP) throw error;
      logger.warn({ msg: "grading without seccomp (GRADER_ALLOW_NO_SECCOMP): for development only", reason: error.message });
      isSeccompDisabled = true;
    }
    if (!containers) {
      const removed = await removeLeftoverContainers({ docker });
      if (removed > 0) logger.warn({ msg: "removed containers left by a dead grader", count: removed });
      // One ready container per concurrent grading: a job starts in its container at once.
      containers = createContainerPool({
        docker,
        image,
        limits: defaultLimits,
        size: config.GRADER_POOL_SIZE ?? config.GRADER_CONCURRENCY,
        modes: ["process"],
        isSeccompDisabled,
        cgroupParent: config.GRADER_CGROUP_PARENT,
        onError: (error) => logger.warn({ msg: "a spare grading container did not start", error: String(error) }),
      });
    }
    return { db, exercisesDir: config.EXERCISES_DIR, containers, logger, metrics, engine };
  };

  const takeJobs = async (deps: JobDeps) => {
    for (let i = 0; i < config.GRADER_CONCURRENCY; i++) {
      const workerId = await queue.work(GRADING_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: config.GRADER_POLL_SECONDS }, async ([job]) => {
        if (!job) return;
        const grading = handleGradingJob(deps, { id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit, priority: job.priority });
        inFlight.add(grading);
        try {
          await grading;
        } catch (error) {
          if (!(error instanceof EngineUnavailableError)) throw error;
          engine.markUnavailable(error.message);
          // Past this age a job spends its tries like any failure, so its submission still ends within a bound.
          if (Date.now() - job.createdOn.getTime() > ENGINE_OUTAGE_WAIT_MS) throw error;
          await putBackGradingJob(queue, job.id);
        } finally {
          inFlight.delete(grading);
        }
      });
      workerIds.push(workerId);
    }
  };
  const stopTakingJobs = async () => {
    workerIds = [];
    await queue.offWork(GRADING_QUEUE);
  };

  const keepGrading = async () => {
    let prepareRetryMs = FIRST_PREPARE_RETRY_MS;
    while (!stopping.signal.aborted) {
      if (!engine.isAvailable) setReadiness({ isReady: false, reason: engine.reason });
      await engine.whenAvailable(stopping.signal);
      if (stopping.signal.aborted) return;
      let deps: JobDeps;
      try {
        deps = await prepare();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        setReadiness({ isReady: false, reason });
        // The engine gone meanwhile is the monitor's to report; anything else (no image, no seccomp) is for an operator.
        if (!(await engine.isAnswering())) {
          engine.markUnavailable(reason);
          continue;
        }
        logger.error({ msg: "grading cannot start", reason, retryInSeconds: prepareRetryMs / 1000 });
        await sleep(prepareRetryMs, undefined, { signal: stopping.signal }).catch(() => undefined);
        prepareRetryMs = Math.min(MAX_PREPARE_RETRY_MS, prepareRetryMs * 2);
        continue;
      }
      prepareRetryMs = FIRST_PREPARE_RETRY_MS;
      await takeJobs(deps);
      setReadiness({ isReady: true, reason: null });
      logger.info({ msg: "grader ready", concurrency: config.GRADER_CONCURRENCY, exercisesDir: config.EXERCISES_DIR });
      await engine.whenUnavailable(stopping.signal);
      setReadiness({ isReady: false, reason: stopping.signal.aborted ? "stopping" : engine.reason });
      await stopTakingJobs();
    }
  };
  const grading = keepGrading().catch((error: unknown) => logger.error({ msg: "the grader stopped taking jobs", error: String(error) }));

  // Polling stays the fallback; a wake-up only saves the wait for the next poll. After a lost
  // connection, jobs may have arrived unannounced: every poller looks at once.
  const wakeAll = () => workerIds.forEach((id) => queue.notifyWorker(id));
  const wakeUps = await listenToChannel({ connectionString: config.DATABASE_URL, channel: GRADING_ENQUEUED_CHANNEL, onNotification: wakeAll, onReconnected: wakeAll, logger });

  return {
    queue,
    readiness: () => readiness,
    refreshMetrics: async () => {
      for (const mode of RUN_MODES) metrics.readyContainers.set({ mode }, containers?.countReady(mode) ?? 0);
      metrics.queueDepth.set(await queue.getQueueSize(GRADING_QUEUE));
    },
    /** Lets gradings in progress finish (up to the drain time); unstarted jobs stay queued for others. */
    stop: async () => {
      setReadiness({ isReady: false, reason: "stopping" });
      stopping.abort();
      await grading;
      await wakeUps.close();
      await stopTakingJobs();
      const drainDeadline = new Promise((resolve) => setTimeout(resolve, config.GRADER_DRAIN_SECONDS * 1000).unref());
      await Promise.race([Promise.allSettled([...inFlight]), drainDeadline]);
      await sweep.stop();
      await examSweep.stop();
      // Lets pg-boss record the last completions before its connections close.
      await queue.stop({ graceful: true, wait: true, timeout: 5_000 });
      await engine.stop();
      await containers?.close();
    },
  };
}
