import type { Db } from "@academy/db";
import { and, eq, gt, schema } from "@academy/db";

import type { CohortViewer } from "../../cohort/cohort-access";
import { DomainError } from "../../domain-error";
import type { Clock } from "../clock";
import { systemClock } from "../clock";
import { finishOwnAttempt } from "../finish-attempt";
import { findTaughtCohortExam } from "./cohort-exam-access";

const { exam, examAttempt } = schema;

/**
 * An instructor of the cohort closes the open exam early (everyone has finished): the window ends
 * now, and attempts still running end now too, with what they saved. Results can be released only
 * once the window is closed, so this is how they are released before the planned close. Closing a
 * closed exam changes nothing.
 */
export async function closeCohortExamNow(db: Db, input: { examId: string; viewer: CohortViewer }, clock: Clock = systemClock) {
  const { exam: current } = await findTaughtCohortExam(db, input.examId, input.viewer);
  const now = clock();
  if (now.getTime() < current.opensAt.getTime()) {
    throw new DomainError("PRECONDITION_FAILED", "This exam has not opened yet: change its window instead of closing it.");
  }
  if (now.getTime() >= current.closesAt.getTime()) return { examId: current.id, closesAt: current.closesAt };
  const running = await db.transaction(async (tx) => {
    await tx
      .update(exam)
      .set({ closesAt: now })
      .where(and(eq(exam.id, current.id), gt(exam.closesAt, now)));
    return tx
      .update(examAttempt)
      .set({ deadlineAt: now })
      .where(and(eq(examAttempt.examId, current.id), eq(examAttempt.status, "in-progress"), gt(examAttempt.deadlineAt, now)))
      .returning({ id: examAttempt.id, userId: examAttempt.userId });
  });
  // Each ends at its new deadline, as the sweep would end it, and the roster hears of it.
  for (const attempt of running) await finishOwnAttempt(db, attempt.userId, attempt.id, now);
  return { examId: current.id, closesAt: now };
}
