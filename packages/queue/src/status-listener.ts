import { EventEmitter, on } from "node:events";

import pg from "pg";
import { z } from "zod";

import { SUBMISSION_STATUS_CHANNEL } from "./grading-queue";

export const statusEventSchema = z.object({ submissionId: z.uuid(), status: z.string(), userId: z.string() });
export type StatusEvent = z.infer<typeof statusEventSchema>;

/**
 * One LISTEN connection per web process, fanned out to every open subscription, so a
 * thousand watching browsers cost one Postgres connection and no polling.
 */
export async function createStatusListener(connectionString: string) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | undefined;
  let isClosed = false;

  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on("notification", (message) => {
      const parsed = statusEventSchema.safeParse(JSON.parse(message.payload ?? "null"));
      if (parsed.success) emitter.emit("status", parsed.data);
    });
    next.on("error", () => {
      if (!isClosed) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await next.connect();
    await next.query(`LISTEN ${SUBMISSION_STATUS_CHANNEL}`);
    client = next;
  };
  await connect();

  return {
    /** Every status change from now until the signal aborts; events are buffered from this call on. */
    watch(signal?: AbortSignal): AsyncIterator<StatusEvent> {
      const events = on(emitter, "status", { signal });
      return {
        next: async () => {
          const next = await events.next();
          return next.done ? { done: true, value: undefined } : { done: false, value: (next.value as [StatusEvent])[0] };
        },
      };
    },
    close: async () => {
      isClosed = true;
      await client?.end();
    },
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
