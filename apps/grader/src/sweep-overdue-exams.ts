import type { Db } from "@academy/db";
import { expireOverdueAttempts } from "@academy/services";

import type { Logger } from "./logger";
import { startPeriodicSweep } from "./periodic-sweep";

/**
 * Submits every exam attempt past its deadline, so an attempt ends on time with every browser
 * closed. Each grader sweeps; an attempt is finished under its row lock, so only once.
 */
export function startOverdueExamSweep(options: { db: Db; intervalSeconds: number; logger: Logger }) {
  const { db, logger } = options;
  return startPeriodicSweep({
    name: "overdue exam attempts",
    intervalSeconds: options.intervalSeconds,
    logger,
    sweep: async () => {
      for (const attemptId of await expireOverdueAttempts(db)) logger.info({ msg: "exam attempt past its deadline: submitted", attemptId });
    },
  });
}
