import { createExamSeed, drawExam, ExamBlueprintError } from "@academy/content";
import type { Db } from "@academy/db";
import { and, eq, schema, sql } from "@academy/db";
import { notifyExamAttemptChanged } from "@academy/submission-lifecycle";

import { DomainError } from "../domain-error";
import { assertNotSittingScheduledExam } from "./attempt-in-progress";
import { attemptColumns, isOverdue } from "./attempt-row";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { listSyncedExamExercises, parseExamBlueprint, readExamQuestionBank } from "./exam-bank";
import { finishOwnAttempt } from "./finish-attempt";
import { ensureMockExam } from "./mock-exam";

const { examAttempt } = schema;

function readActiveAttempt(db: Db, examId: string, userId: string) {
  return db
    .select(attemptColumns)
    .from(examAttempt)
    .where(and(eq(examAttempt.examId, examId), eq(examAttempt.userId, userId), eq(examAttempt.status, "in-progress")));
}

async function drawAttempt(db: Db, storedBlueprint: unknown) {
  const blueprint = parseExamBlueprint(storedBlueprint);
  try {
    return drawExam({ blueprint, questionBank: readExamQuestionBank().questionBank, exercises: await listSyncedExamExercises(db), seed: createExamSeed() });
  } catch (error) {
    if (error instanceof ExamBlueprintError) {
      throw new DomainError("PRECONDITION_FAILED", "This exam cannot be put together right now: the exercise or question bank is incomplete. Try again later.", {
        cause: error,
      });
    }
    throw error;
  }
}

type NewAttempt = { exam: { id: string; blueprint: unknown }; userId: string; now: Date; deadlineAt: Date };

/**
 * Draws and stores a new attempt for a caller that found none in progress. Two starts at once: the
 * partial unique index lets one in, and the other returns it, resumed.
 */
export async function createExamAttempt(db: Db, input: NewAttempt) {
  const { exam, userId, now } = input;
  const draw = await drawAttempt(db, exam.blueprint);
  const [created] = await db
    .insert(examAttempt)
    .values({
      examId: exam.id,
      userId,
      seed: draw.seed,
      questionIds: draw.questions.map((q) => q.id),
      choiceOrders: Object.fromEntries(draw.questions.map((q) => [q.id, q.choices.map((c) => c.id)])),
      exerciseIds: draw.exercises.map((e) => e.id),
      startedAt: now,
      deadlineAt: input.deadlineAt,
    })
    .onConflictDoNothing({ target: [examAttempt.examId, examAttempt.userId], where: sql`${examAttempt.status} = 'in-progress'` })
    .returning({ id: examAttempt.id, deadlineAt: examAttempt.deadlineAt });
  if (created) {
    await notifyExamAttemptChanged(db, { examId: exam.id, attemptId: created.id });
    return { attemptId: created.id, deadlineAt: created.deadlineAt, isResumed: false };
  }
  const [winner] = await readActiveAttempt(db, exam.id, userId);
  if (!winner) throw new DomainError("CONFLICT", "Your exam could not be started. Try again.");
  return { attemptId: winner.id, deadlineAt: winner.deadlineAt, isResumed: true };
}

/**
 * Starts an attempt at an exam, or returns the one in progress (the draw cannot be re-rolled);
 * one whose deadline has passed is submitted first. The deadline is the caller's: a mock's runs
 * from the start, a scheduled exam's also stops at its window's close. Mock and scheduled exams
 * share this, so their attempts are the same rows for every `exam.*` procedure.
 */
export async function startExamAttempt(db: Db, input: NewAttempt) {
  const { exam, userId, now } = input;
  const [active] = await readActiveAttempt(db, exam.id, userId);
  if (active && !isOverdue(active, now)) return { attemptId: active.id, deadlineAt: active.deadlineAt, isResumed: true };
  if (active) await finishOwnAttempt(db, userId, active.id, now);
  return createExamAttempt(db, input);
}

/** How long a mock exam lasts here: the blueprint's sitting unless the app is configured otherwise (short ones in browser tests). */
export type MockExamSettings = { durationMinutes?: number };

/** Starts a mock exam: a fresh draw from a new seed, stored with the attempt, and a deadline kept here. */
export async function startMockExam(db: Db, userId: string, clock: Clock = systemClock, settings: MockExamSettings = {}) {
  const now = clock();
  await assertNotSittingScheduledExam(db, userId, now, "You are sitting a scheduled exam: submit it before you start a mock exam.");
  const mock = await ensureMockExam(db);
  const durationMinutes = settings.durationMinutes ?? mock.durationMinutes;
  return startExamAttempt(db, { exam: mock, userId, now, deadlineAt: new Date(now.getTime() + durationMinutes * 60_000) });
}
