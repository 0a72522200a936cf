import { createDb } from "@academy/db";

import { loadGraderConfig } from "./config";
import { createLogger } from "./logger";
import { createMetrics, serveMetrics } from "./metrics";
import { startWorker } from "./worker";

const config = loadGraderConfig();
const logger = createLogger(config.LOG_LEVEL);
const metrics = createMetrics();
const { db, pool } = createDb(config.DATABASE_URL, { max: config.GRADER_CONCURRENCY + 2 });

const worker = await startWorker({ config, db, logger, metrics });
const metricsServer = config.GRADER_METRICS_PORT > 0 ? serveMetrics(metrics, config.GRADER_METRICS_PORT, worker.refreshMetrics) : null;

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
