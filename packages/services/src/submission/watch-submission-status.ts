import type { Db } from "@academy/db";
import { isFinalStatus } from "@academy/submission-lifecycle";

import { getSubmission } from "./get-submission";
import type { GradingPorts } from "./grading-ports";

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
  try {
    let current = await getSubmission(db, userId, submissionId);
    yield current;
    while (!isFinalStatus(current.status)) {
      const event = await events.next();
      if (event.done) return;
      // After a resync (the listener reconnected) any change may have been missed: read again.
      const isAnotherSubmission = event.value.kind === "status" && event.value.submissionId !== submissionId;
      if (isAnotherSubmission && current.status !== "queued") continue;
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
