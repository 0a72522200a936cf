import type { Db } from "@academy/db";

import type { CohortViewer } from "../../cohort/cohort-access";
import type { Clock } from "../clock";
import { systemClock } from "../clock";
import { findTaughtCohortExam } from "./cohort-exam-access";
import { getCohortExamRoster } from "./cohort-exam-roster";
import type { ExamAttemptListener } from "./exam-attempt-listener";

/**
 * The roster now, then again after each start or end of an attempt at the exam, as Postgres NOTIFY
 * announces them. Changes arriving while the roster is being read are folded into one more read,
 * so a burst of 200 starts costs a few reads, not 200. Listening starts before the first read, so
 * no change slips between the two.
 */
export async function* watchCohortExamRoster(
  db: Db,
  listener: ExamAttemptListener,
  input: { examId: string; viewer: CohortViewer },
  signal?: AbortSignal,
  clock: Clock = systemClock,
) {
  await findTaughtCohortExam(db, input.examId, input.viewer);
  let hasChanged = true;
  let wake: (() => void) | undefined;
  const onChange = () => {
    hasChanged = true;
    wake?.();
  };
  const stopListening = listener.onExamChange(input.examId, onChange);
  signal?.addEventListener("abort", onChange);
  try {
    while (!signal?.aborted) {
      if (!hasChanged) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      hasChanged = false;
      yield await getCohortExamRoster(db, input, clock);
    }
  } finally {
    stopListening();
    signal?.removeEventListener("abort", onChange);
  }
}
