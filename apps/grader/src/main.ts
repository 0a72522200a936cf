import { createDb } from "@academy/db";
import { isConnectionLoss } from "@academy/queue";

import { loadGraderConfig } from "./config";
import { createLogger } from "./logger";
import { createMetrics, serveMetrics } from "./metrics";
import { startWorker } from "./worker";

const config = loadGraderConfig();
const logger = createLogger(config.LOG_LEVEL);
// pg-boss records a job's completion without awaiting it: with the database restarting, that
// rejection would end the process. The job then expires and is looked at again.
process.on("unhandledRejection", (reason) => logger[isConnectionLoss(reason) ? "warn" : "error"]({ msg: "unhandled rejection", error: String(reason) }));
const metrics = createMetrics();
const { db, pool } = createDb(config.DATABASE_URL, {
  max: config.GRADER_CONCURRENCY + 2,
  onConnectionError: (error) => logger.warn({ msg: "database connection lost; a new one opens on next use", error: error.message }),
});

const worker = await startWorker({ config, db, logger, metrics });
const metricsServer =
  config.GRADER_METRICS_PORT > 0 ? serveMetrics(metrics, config.GRADER_METRICS_PORT, { refresh: worker.refreshMetrics, readiness: worker.readiness }) : null;

let isStopping = false;
async function shutdown(signal: string) {
  if (isStopping) return;
  isStopping = true;
  logger.info({ msg: "draining", signal });
  await worker.stop();
  metricsServer?.close();
  await pool.end();
  logger.info({ msg: "stopped" });
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
