import { EventEmitter, on } from "node:events";

import { SUBMISSION_STATUS_CHANNEL } from "./channels";
import { listenToChannel } from "./listen-channel";
import type { Logger } from "./logger";
import { decodeStatusEvent, type StatusEvent } from "./status-event";

/** What a watcher receives: a status change, or word that the listener reconnected and changes
 * sent meanwhile were missed, so whatever the watcher shows must be read again. */
export type WatchedEvent = ({ kind: "status" } & StatusEvent) | { kind: "resync" };

/**
 * One LISTEN connection per web process, fanned out to every open subscription, so a
 * thousand watching browsers cost one Postgres connection and no polling. The connection
 * comes back after a database restart, and watchers are told to read again.
 */
export async function createStatusListener(connectionString: string, options: { logger?: Logger } = {}) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const listener = await listenToChannel({
    connectionString,
    channel: SUBMISSION_STATUS_CHANNEL,
    logger: options.logger,
    onNotification: (payload) => {
      const event = decodeStatusEvent(payload);
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
