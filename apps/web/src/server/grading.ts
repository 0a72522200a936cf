import "server-only";

import path from "node:path";

import type { GradingPorts } from "@academy/api";
import { defaultSubmissionLimits } from "@academy/api";
import { createStatusListener, enqueueGradingJob, startGradingQueue } from "@academy/queue";

import { getEnv } from "~/env";
import { findRepoRoot } from "~/server/repo-root";

const globalForGrading = globalThis as unknown as { academyGrading?: Promise<GradingPorts> };

/** The queue (send only: graders run maintenance) and one LISTEN connection, per server process. */
export function getGradingPorts(): Promise<GradingPorts> {
  globalForGrading.academyGrading ??= (async (): Promise<GradingPorts> => {
    const env = getEnv();
    const [queue, statusListener] = await Promise.all([
      startGradingQueue({ connectionString: env.DATABASE_URL, isWorker: false, max: 2 }),
      createStatusListener(env.DATABASE_URL),
    ]);
    return {
      exercisesDir: env.EXERCISES_DIR ?? path.join(findRepoRoot(), "exercises"),
      enqueue: (submissionId, executor) => enqueueGradingJob(queue, { submissionId }, executor),
      statusListener,
      limits: defaultSubmissionLimits,
    };
  })().catch((error: unknown) => {
    globalForGrading.academyGrading = undefined;
    throw error;
  });
  return globalForGrading.academyGrading;
}
