import { setTimeout as sleep } from "node:timers/promises";
import { isDeepStrictEqual } from "node:util";

import type { Db } from "@academy/db";

import type { GradingPorts } from "../submission/grading-ports";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { getExamPartBStatus } from "./exam-part-b";
import { getExamResult } from "./get-exam-result";

const QUEUE_POSITION_INTERVAL_MS = 500;

/**
 * The view first, then again after each status NOTIFY of one of the learner's submissions (the
 * grader's one path: queued, running, graded) or a resync after the listener reconnected, whenever
 * it changed; ends once `isSettled`. Listening starts before the first read, so no change slips between.
 */
async function* watchLearnerView<View>(
  ports: GradingPorts,
  userId: string,
  view: { read: () => Promise<View>; isSettled: (view: View) => boolean; isQueued?: (view: View) => boolean },
  signal?: AbortSignal,
) {
  const controller = new AbortController();
  signal?.addEventListener("abort", () => controller.abort());
  const events = ports.statusListener.watch(controller.signal);
  let lastReadAt = 0;
  const read = () => {
    lastReadAt = Date.now();
    return view.read();
  };
  try {
    let current = await read();
    yield current;
    while (!view.isSettled(current)) {
      const event = await events.next();
      if (event.done) return;
      if (event.value.kind === "status" && event.value.userId !== userId) {
        // Another learner's grading only moves a queued submission's place in line: read at most twice a second for it.
        if (!view.isQueued?.(current)) continue;
        const wait = QUEUE_POSITION_INTERVAL_MS - (Date.now() - lastReadAt);
        if (wait > 0) await sleep(wait, undefined, { signal: controller.signal });
      }
      const next = await read();
      if (isDeepStrictEqual(next, current)) continue;
      current = next;
      yield current;
    }
  } catch (error) {
    if ((error as { name?: string }).name !== "AbortError") throw error;
  } finally {
    controller.abort();
  }
}

/**
 * Part B's submissions during the exam, live: received, place in line, graded; never a score.
 * Ends when the attempt has ended and none of them is pending.
 */
export function watchExamPartB(db: Db, ports: GradingPorts, userId: string, attemptId: string, signal?: AbortSignal) {
  return watchLearnerView(
    ports,
    userId,
    {
      read: () => getExamPartBStatus(db, userId, attemptId),
      isSettled: (view) => view.status !== "in-progress" && view.exercises.every((e) => e.submissions.every((s) => s.state === "graded")),
      isQueued: (view) => view.exercises.some((e) => e.submissions.some((s) => s.queuePosition !== null)),
    },
    signal,
  );
}

/** A finished attempt's result, sent again each time a Part B grading finishes; ends once Part B is final. */
export function watchExamResult(db: Db, ports: GradingPorts, userId: string, attemptId: string, signal?: AbortSignal, clock: Clock = systemClock) {
  return watchLearnerView(ports, userId, { read: () => getExamResult(db, userId, attemptId, clock), isSettled: (result) => result.grading === "final" }, signal);
}
