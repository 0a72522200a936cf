import { isDeepStrictEqual } from "node:util";

import type { Db } from "@academy/db";

import type { GradingPorts } from "../submission/grading-ports";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { getExamPartBStatus } from "./exam-part-b";
import { getExamResult } from "./get-exam-result";

/**
 * The view first, then again after each status NOTIFY of one of the learner's submissions (the
 * grader's one path: queued, running, graded) or a resync after the listener reconnected, whenever
 * it changed; ends once `isSettled`. Listening starts before the first read, so no change slips between.
 */
async function* watchLearnerView<View>(ports: GradingPorts, userId: string, read: () => Promise<View>, isSettled: (view: View) => boolean, signal?: AbortSignal) {
  const controller = new AbortController();
  signal?.addEventListener("abort", () => controller.abort());
  const events = ports.statusListener.watch(controller.signal);
  try {
    let current = await read();
    yield current;
    while (!isSettled(current)) {
      const event = await events.next();
      if (event.done) return;
      if (event.value.kind === "status" && event.value.userId !== userId) continue;
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
    () => getExamPartBStatus(db, userId, attemptId),
    (view) => view.status !== "in-progress" && view.exercises.every((e) => e.submissions.every((s) => s.state === "graded")),
    signal,
  );
}

/** A finished attempt's result, sent again each time a Part B grading finishes; ends once Part B is final. */
export function watchExamResult(db: Db, ports: GradingPorts, userId: string, attemptId: string, signal?: AbortSignal, clock: Clock = systemClock) {
  return watchLearnerView(ports, userId, () => getExamResult(db, userId, attemptId, clock), (result) => result.grading === "final", signal);
}
