import { enqueueGradingJob, startGradingQueue } from "@academy/queue";
import { createStatusListener } from "@academy/submission-lifecycle";

import { createRegradePorts } from "../regrade/regrade-ports";
import { createTeamListener } from "../team/team-listener";
import type { GradingPorts, SubmissionLimits } from "./grading-ports";
import { defaultSubmissionLimits } from "./grading-ports";

export type GradingPortsOptions = {
  databaseUrl: string;
  exercisesDir: string;
  limits?: Partial<SubmissionLimits>;
  /** Each job's expiry (a dead worker's job is retried after it); short in durability tests. */
  jobExpireInSeconds?: number;
};

/** The queue (send only: graders run its maintenance) and one LISTEN connection for live status. */
export async function createGradingPorts(options: GradingPortsOptions) {
  const [queueResult, listenerResult] = await Promise.allSettled([
    startGradingQueue({ connectionString: options.databaseUrl, isWorker: false, max: 2, expireInSeconds: options.jobExpireInSeconds }),
    createStatusListener(options.databaseUrl),
  ]);
  // The web app asks again on its next request: a half that did start must not stay open meanwhile.
  if (queueResult.status === "rejected" || listenerResult.status === "rejected") {
    if (queueResult.status === "fulfilled") await queueResult.value.stop({ graceful: false, wait: true }).catch(() => undefined);
    if (listenerResult.status === "fulfilled") await listenerResult.value.close().catch(() => undefined);
    throw queueResult.status === "rejected" ? queueResult.reason : (listenerResult as PromiseRejectedResult).reason;
  }
  const queue = queueResult.value;
  const statusListener = listenerResult.value;
  const regrade = await createRegradePorts(queue, options.databaseUrl).catch(async (error: unknown) => {
    await statusListener.close().catch(() => undefined);
    await queue.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw error;
  });
  const teams = await createTeamListener(options.databaseUrl).catch(async (error: unknown) => {
    await regrade.close().catch(() => undefined);
    await statusListener.close().catch(() => undefined);
    await queue.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw error;
  });
  const ports: GradingPorts = {
    exercisesDir: options.exercisesDir,
    enqueue: (submissionId, lane, executor, requestId) => enqueueGradingJob(queue, { submissionId, requestId }, { lane, executor }),
    statusListener,
    limits: { ...defaultSubmissionLimits, ...options.limits },
    regrade: regrade.ports,
    teams,
  };
  return {
    ports,
    close: async () => {
      await teams.close();
      await regrade.close();
      await statusListener.close();
      await queue.stop({ graceful: false, wait: true });
    },
  };
}
