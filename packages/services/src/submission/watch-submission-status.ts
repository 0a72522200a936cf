import type { Db } from "@academy/db";
import { isFinalStatus, type WatchedEvent } from "@academy/submission-lifecycle";

import { getSubmission } from "./get-submission";
import type { GradingPorts } from "./grading-ports";

/**
 * While queued, other submissions' events only move the queue position, so they are folded into
 * one read per window: a burst of N gradings costs each watcher a bounded number of reads, not N.
 */
const QUEUE_POSITION_WINDOW_MS = 500;

type EventResult = IteratorResult<WatchedEvent>;

/**
 * The current state first, then each change pushed by the grader through Postgres NOTIFY,
 * ending with the final status. Listening starts before the first read, so no change can
 * slip between the two. While queued, other submissions' changes move the queue position.
 * When the listener reconnects after a database restart, the submission is read again.
 */
export async function* watchSubmissionStatus(db: Db, ports: GradingPorts, userId: string, submissionId: string, signal?: AbortSignal) {
  const controller = new AbortController();
  signal?.addEventListener("abort", () => controller.abort());
  const events = ports.statusListener.watch(controller.signal);
  // Concerns this watcher at once: its own change, or a resync after which anything may have been missed.
  const isUrgent = (event: WatchedEvent) => event.kind === "resync" || event.submissionId === submissionId;
  // One read is always outstanding; when the watch ends it rejects with the abort, handled here.
  const pull = () => {
    const next = events.next();
    next.catch(() => undefined);
    return next;
  };
  let pending: Promise<EventResult> = pull();
  const takeNext = async () => {
    const result = await pending;
    if (!result.done) pending = pull();
    return result;
  };
  /** Waits out the window unless an urgent event comes first; false when the events ended. */
  const foldUntilUrgentOrWindowEnds = async () => {
    let timer: NodeJS.Timeout | undefined;
    const windowEnd = new Promise<"window-ended">((resolve) => (timer = setTimeout(() => resolve("window-ended"), QUEUE_POSITION_WINDOW_MS)));
    try {
      for (;;) {
        const next = await Promise.race([pending, windowEnd]);
        if (next === "window-ended") return true;
        if (next.done) return false;
        pending = pull();
        if (isUrgent(next.value)) return true;
      }
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    let current = await getSubmission(db, userId, submissionId);
    yield current;
    while (!isFinalStatus(current.status)) {
      const event = await takeNext();
      if (event.done) return;
      if (!isUrgent(event.value)) {
        if (current.status !== "queued") continue;
        if (!(await foldUntilUrgentOrWindowEnds())) return;
      }
      const next = await getSubmission(db, userId, submissionId);
      const hasChanged = next.status !== current.status || next.queuePosition !== current.queuePosition;
      current = next;
      if (hasChanged) yield current;
    }
  } catch (error) {
    if ((error as { name?: string }).name !== "AbortError") throw error;
  } finally {
    controller.abort();
  }
}
