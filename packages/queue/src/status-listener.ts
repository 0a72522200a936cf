import { EventEmitter, on } from "node:events";

import { z } from "zod";

import { SUBMISSION_STATUS_CHANNEL } from "./grading-queue";
import { listenToChannel } from "./listen-channel";
import type { QueueLogger } from "./queue-logger";

export const statusEventSchema = z.object({ submissionId: z.uuid(), status: z.string(), userId: z.string() });
export type StatusEvent = z.infer<typeof statusEventSchema>;

/** What a watcher receives: a status change, or word that the listener reconnected and changes
 * sent meanwhile were missed, so whatever the watcher shows must be read again. */
export type WatchedEvent = ({ kind: "status" } & StatusEvent) | { kind: "resync" };

function parseStatusEvent(payload: string | undefined): StatusEvent | undefined {
  try {
    const parsed = statusEventSchema.safeParse(JSON.parse(payload ?? "null"));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One LISTEN connection per web process, fanned out to every open subscription, so a
 * thousand watching browsers cost one Postgres connection and no polling. The connection
 * comes back after a database restart, and watchers are told to read again.
 */
export async function createStatusListener(connectionString: string, options: { logger?: QueueLogger } = {}) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const listener = await listenToChannel({
    connectionString,
    channel: SUBMISSION_STATUS_CHANNEL,
    logger: options.logger,
    onNotification: (payload) => {
      const event = parseStatusEvent(payload);
      if (event) emitter.emit("event", { kind: "status", ...event } satisfies WatchedEvent);
    },
    onReconnected: () => emitter.emit("event", { kind: "resync" } satisfies WatchedEvent),
  });

  return {
    /** Every event from now until the signal aborts; events are buffered from this call on. */
    watch(signal?: AbortSignal): AsyncIterator<WatchedEvent> {
      const events = on(emitter, "event", { signal });
      return {
        next: async () => {
          const next = await events.next();
          return next.done ? { done: true, value: undefined } : { done: false, value: (next.value as [WatchedEvent])[0] };
        },
      };
    },
    close: () => listener.close(),
  };
}

export type StatusListener = Awaited<ReturnType<typeof createStatusListener>>;

/** The NOTIFY payload of a status change, validated here so every publisher sends what listeners parse. */
export function encodeStatusEvent(event: StatusEvent) {
  return JSON.stringify(statusEventSchema.parse(event));
}

export async function notifySubmissionStatus(executor: { query: (text: string, values: unknown[]) => Promise<unknown> }, event: StatusEvent) {
  await executor.query("SELECT pg_notify($1, $2)", [SUBMISSION_STATUS_CHANNEL, encodeStatusEvent(event)]);
}
