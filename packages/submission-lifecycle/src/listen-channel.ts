import pg from "pg";

import { consoleLogger, type Logger } from "./logger";

export type ChannelListener = { close(): Promise<void> };

type ListenOptions = {
  connectionString: string;
  channel: string;
  onNotification: (payload: string | undefined) => void;
  /** The connection came back after a loss: anything sent meanwhile was missed. */
  onReconnected?: () => void;
  logger?: Logger;
  /** First delay before reconnecting; doubled per failed attempt up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
};

/**
 * LISTEN on one dedicated connection that comes back by itself: after a lost connection or a
 * failed attempt it reconnects with backoff and listens again, for as long as it is open. The
 * first connection is awaited, so a caller learns at start that the database is unreachable.
 */
export async function listenToChannel(options: ListenOptions): Promise<ChannelListener> {
  const logger = options.logger ?? consoleLogger;
  const minDelayMs = options.minDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 15_000;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let failedAttempts = 0;
  let isClosed = false;

  const openConnection = async (): Promise<pg.Client> => {
    const next = new pg.Client({ connectionString: options.connectionString, keepAlive: true });
    next.on("notification", (message) => options.onNotification(message.payload));
    next.on("error", (error) => onLost(next, error));
    next.on("end", () => onLost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${options.channel}`);
      return next;
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
  };

  const reconnect = async () => {
    try {
      const next = await openConnection();
      if (isClosed) return void (await next.end().catch(() => undefined));
      client = next;
    } catch (error) {
      logger.info({ msg: "listen reconnect failed; trying again", channel: options.channel, error: (error as Error).message });
      return scheduleReconnect();
    }
    logger.info({ msg: "listening again", channel: options.channel, attempts: failedAttempts });
    failedAttempts = 0;
    options.onReconnected?.();
  };

  function scheduleReconnect() {
    if (isClosed || retryTimer) return;
    const delay = Math.min(maxDelayMs, minDelayMs * 2 ** failedAttempts) * (0.75 + Math.random() / 2);
    failedAttempts++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void reconnect();
    }, delay);
  }

  function onLost(lost: pg.Client, error?: Error) {
    if (lost !== client) return;
    client = undefined;
    if (isClosed) return;
    logger.warn({ msg: "listen connection lost; reconnecting", channel: options.channel, error: error?.message });
    scheduleReconnect();
  }

  client = await openConnection();

  return {
    close: async () => {
      isClosed = true;
      clearTimeout(retryTimer);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
