import type { Logger } from "./logger";

/**
 * Runs `sweep` every `intervalSeconds` until stopped, one run at a time; a failed run (the database
 * restarting) is logged and the next one tries again.
 */
export function startPeriodicSweep(options: { name: string; intervalSeconds: number; logger: Logger; sweep: () => Promise<void> }) {
  const { name, logger } = options;
  let sweeping: Promise<void> | undefined;
  const sweep = async () => {
    try {
      await options.sweep();
    } catch (error) {
      logger.warn({ msg: `${name} sweep failed; the next one tries again`, error: String(error) });
    }
  };
  logger.info({ msg: `sweeping ${name}`, everySeconds: options.intervalSeconds });
  const timer = setInterval(() => {
    sweeping ??= sweep().finally(() => (sweeping = undefined));
  }, options.intervalSeconds * 1000);
  return {
    stop: async () => {
      clearInterval(timer);
      await sweeping;
    },
  };
}
