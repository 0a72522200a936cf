import type { Db } from "@academy/db";

import type { CohortViewer } from "../../cohort/cohort-access";
import { listenForChanges } from "../../live/listen-for-changes";
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
  const changes = listenForChanges((onChange) => listener.onExamChange(input.examId, onChange), signal);
  try {
    if (signal?.aborted) return;
    yield await getCohortExamRoster(db, input, clock);
    while (await changes.nextChange()) yield await getCohortExamRoster(db, input, clock);
  } finally {
    changes.stop();
  }
}
