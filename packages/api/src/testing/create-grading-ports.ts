import path from "node:path";
import { fileURLToPath } from "node:url";

import { createStatusListener, enqueueGradingJob, startGradingQueue } from "@academy/queue";

import type { GradingPorts, SubmissionLimits } from "../services/submission/grading-ports";
import { defaultSubmissionLimits } from "../services/submission/grading-ports";

export const repoExercisesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../exercises");

/** Real queue and LISTEN connection on a test database; nothing grades unless a grader runs. */
export async function createGradingPorts(url: string, options: { exercisesDir?: string; limits?: Partial<SubmissionLimits> } = {}) {
  const queue = await startGradingQueue({ connectionString: url, max: 2 });
  const statusListener = await createStatusListener(url);
  const ports: GradingPorts = {
    exercisesDir: options.exercisesDir ?? repoExercisesDir,
    enqueue: (submissionId, executor) => enqueueGradingJob(queue, { submissionId }, executor),
    statusListener,
    limits: { ...defaultSubmissionLimits, ...options.limits },
  };
  return {
    ports,
    queue,
    close: async () => {
      await statusListener.close();
      await queue.stop({ graceful: false, wait: true });
    },
  };
}
