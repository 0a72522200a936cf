import { createStatusListener, enqueueGradingJob, startGradingQueue } from "@academy/queue";

import type { GradingPorts } from "../services/submission/grading-ports";
import { defaultSubmissionLimits } from "../services/submission/grading-ports";

/** Real queue and LISTEN connection on a test database; nothing grades the jobs unless a test starts a worker. */
export async function createTestGradingPorts(databaseUrl: string, exercisesDir: string) {
  const [queue, statusListener] = await Promise.all([
    startGradingQueue({ connectionString: databaseUrl, isWorker: false, max: 2 }),
    createStatusListener(databaseUrl),
  ]);
  const ports: GradingPorts = {
    exercisesDir,
    enqueue: (submissionId, executor) => enqueueGradingJob(queue, { submissionId }, executor),
    statusListener,
    limits: defaultSubmissionLimits,
  };
  return {
    ports,
    close: async () => {
      await statusListener.close();
      await queue.stop({ graceful: false, wait: true });
    },
  };
}
