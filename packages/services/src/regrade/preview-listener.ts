import { listenToChannel, REGRADE_PREVIEW_CHANNEL, type Logger } from "@academy/submission-lifecycle";
import { z } from "zod";

const previewEventSchema = z.object({ cohortId: z.string(), exerciseId: z.string() });
const keyOf = (event: { cohortId: string; exerciseId: string }) => `${event.cohortId}/${event.exerciseId}`;

function decodePreviewEvent(payload: string | undefined) {
  try {
    const parsed = previewEventSchema.safeParse(JSON.parse(payload ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * One LISTEN connection per process for regrade previews, fanned out by cohort and exercise to
 * the open panels. After a reconnect every panel is told to read again: changes sent meanwhile were missed.
 */
export async function createPreviewListener(connectionString: string, options: { logger?: Logger } = {}) {
  const watchers = new Map<string, Set<() => void>>();
  const callAll = (callbacks: Iterable<() => void>) => [...callbacks].forEach((callback) => callback());
  const listener = await listenToChannel({
    connectionString,
    channel: REGRADE_PREVIEW_CHANNEL,
    logger: options.logger,
    onNotification: (payload) => {
      const event = decodePreviewEvent(payload);
      if (event) callAll(watchers.get(keyOf(event)) ?? []);
    },
    onReconnected: () => callAll([...watchers.values()].flatMap((callbacks) => [...callbacks])),
  });
  return {
    /** Calls back on every change of the cohort's preview of the exercise until the returned function is called. */
    onChange(target: { cohortId: string; exerciseId: string }, callback: () => void): () => void {
      const key = keyOf(target);
      const callbacks = watchers.get(key) ?? new Set();
      callbacks.add(callback);
      watchers.set(key, callbacks);
      return () => {
        callbacks.delete(callback);
        if (callbacks.size === 0) watchers.delete(key);
      };
    },
    close: () => listener.close(),
  };
}

export type PreviewListener = Pick<Awaited<ReturnType<typeof createPreviewListener>>, "onChange">;
