import type { SqlExecutor } from "@academy/db";
import { enqueuePreviewGradingJob, type GradingQueue } from "@academy/queue";
import type { Logger } from "@academy/submission-lifecycle";

import { createPreviewListener, type PreviewListener } from "./preview-listener";

/** What regrade previews need beyond the database: the queue's regrade lane and the process's one preview listener. */
export type RegradePorts = {
  enqueuePreviewItem: (previewItemId: string, executor: SqlExecutor) => Promise<unknown>;
  previews: PreviewListener;
};

export async function createRegradePorts(queue: GradingQueue, databaseUrl: string, options: { logger?: Logger } = {}) {
  const previews = await createPreviewListener(databaseUrl, options);
  const ports: RegradePorts = {
    enqueuePreviewItem: (previewItemId, executor) => enqueuePreviewGradingJob(queue, { previewItemId }, { executor }),
    previews,
  };
  return { ports, close: () => previews.close() };
}
