import type { Db } from "@academy/db";
import { and, asc, eq, schema, sql } from "@academy/db";

import type { AttemptRow } from "./attempt-row";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { finishOwnAttempt } from "./finish-attempt";
import { isResultWithheld } from "./scheduled/result-release";

function toSubmitted(attempt: AttemptRow, isWithheld: boolean) {
  return {
    attemptId: attempt.id,
    status: attempt.status,
    submittedAt: attempt.submittedAt!,
    // A scheduled exam's score stays hidden until its instructor releases the results.
    partAScore: isWithheld ? null : attempt.partAScore!,
    partAMaxScore: isWithheld ? null : attempt.partAMaxScore!,
  };
}

/** Submits the attempt and grades Part A; submitting again returns the first submission unchanged. */
export async function submitExamAttempt(db: Db, userId: string, attemptId: string, clock: Clock = systemClock) {
  const submitted = await finishOwnAttempt(db, userId, attemptId, clock());
  return toSubmitted(submitted, await isResultWithheld(db, submitted.examId));
}

/**
 * Submits every attempt still in progress past its deadline, whether or not a browser is open:
 * the grader calls it on a timer. Each attempt is finished under its row lock, so two graders
 * sweeping together, or a learner submitting at the same moment, grade it once.
 */
export async function expireOverdueAttempts(db: Db, clock: Clock = systemClock) {
  const now = clock();
  const overdue = await db
    .select({ id: schema.examAttempt.id, userId: schema.examAttempt.userId })
    .from(schema.examAttempt)
    .where(and(eq(schema.examAttempt.status, "in-progress"), sql`${schema.examAttempt.deadlineAt} <= ${now}`))
    .orderBy(asc(schema.examAttempt.deadlineAt));
  const expired: string[] = [];
  for (const { id, userId } of overdue) {
    const finished = await finishOwnAttempt(db, userId, id, now);
    if (finished.status === "expired") expired.push(finished.id);
  }
  return expired;
}
