import type { Db } from "@academy/db";

import { DomainError } from "../../domain-error";
import type { Clock } from "../clock";
import { systemClock } from "../clock";
import { isOverdue } from "../attempt-row";
import { finishOwnAttempt } from "../finish-attempt";
import { createExamAttempt } from "../start-mock-exam";
import { findLearnerCohortExam } from "./cohort-exam-access";

/** When an attempt started now ends: its duration with the learner's extra time, and never after the window closes. */
export function scheduledDeadline(input: { now: Date; durationMinutes: number; extraMinutes: number; closesAt: Date }): Date {
  const byDuration = input.now.getTime() + (input.durationMinutes + input.extraMinutes) * 60_000;
  return new Date(Math.min(byDuration, input.closesAt.getTime()));
}

/**
 * A learner of the cohort starts the scheduled exam, inside its window only, on the same attempt
 * rows as a mock (so every `exam.*` procedure serves it). One sitting: a start while an attempt is
 * in progress returns it, and a finished attempt cannot be followed by another.
 */
export async function startCohortExam(db: Db, userId: string, examId: string, clock: Clock = systemClock) {
  const exam = await findLearnerCohortExam(db, examId, userId);
  const now = clock();
  if (now.getTime() < exam.opensAt.getTime()) {
    throw new DomainError("PRECONDITION_FAILED", `This exam opens at ${exam.opensAt.toISOString()}: you can start it from then until it closes.`);
  }
  if (now.getTime() >= exam.closesAt.getTime()) {
    throw new DomainError("PRECONDITION_FAILED", `This exam closed at ${exam.closesAt.toISOString()}, so it can no longer be started.`);
  }
  const { attempts } = exam;
  // An attempt past its deadline that the sweep has not reached yet is over too: it ends now, and no second sitting starts.
  for (const attempt of attempts.filter((a) => isOverdue(a, now))) await finishOwnAttempt(db, userId, attempt.id, now);
  if (attempts.some((attempt) => attempt.status !== "in-progress" || isOverdue(attempt, now))) {
    throw new DomainError("CONFLICT", "You have already submitted this exam: it is taken once.");
  }
  const [active] = attempts;
  if (active) return { attemptId: active.id, deadlineAt: active.deadlineAt, isResumed: true };
  const deadlineAt = scheduledDeadline({ now, durationMinutes: exam.durationMinutes, extraMinutes: exam.extraMinutes, closesAt: exam.closesAt });
  return createExamAttempt(db, { exam, userId, now, deadlineAt });
}
