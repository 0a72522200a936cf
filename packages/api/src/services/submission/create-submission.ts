import path from "node:path";

import { loadExercise } from "@academy/content";
import type { Db } from "@academy/db";
import { and, count, eq, gt, inArray, schema, withTransaction } from "@academy/db";
import { SubmissionRejectedError, validateSubmissionFiles } from "@academy/sandbox/contract";
import { TRPCError } from "@trpc/server";

import type { GradingPorts } from "./grading-ports";

export type CreateSubmissionInput = {
  userId: string;
  exerciseId: string;
  mode: "submit" | "run-visible";
  files: { name: string; content: string }[];
  examAttemptId?: string;
};

const PENDING = ["queued", "running"] as const;

/** Validates everything a learner can get wrong, then stores the submission and its job in one transaction. */
export async function createSubmission(db: Db, ports: GradingPorts, input: CreateSubmissionInput) {
  const [exercise] = await db
    .select({ id: schema.exercise.id, currentVersionId: schema.exercise.currentVersionId, isArchived: schema.exercise.isArchived })
    .from(schema.exercise)
    .where(eq(schema.exercise.id, input.exerciseId));
  if (!exercise || exercise.isArchived || !exercise.currentVersionId) {
    throw new TRPCError({ code: "NOT_FOUND", message: `There is no exercise "${input.exerciseId}".` });
  }
  const folder = await loadExercise(path.join(ports.exercisesDir, exercise.id));
  if (input.files.every((file) => file.content.trim() === "")) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Your code is empty: write your solution before submitting." });
  }
  try {
    validateSubmissionFiles(folder.config, input.files);
  } catch (error) {
    if (error instanceof SubmissionRejectedError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    throw error;
  }
  await assertWithinLimits(db, ports, input);

  return withTransaction(db, async (tx, executor) => {
    const [row] = await tx
      .insert(schema.submission)
      .values({
        userId: input.userId,
        exerciseId: exercise.id,
        exerciseVersionId: exercise.currentVersionId!,
        mode: input.mode,
        files: input.files,
        examAttemptId: input.examAttemptId,
      })
      .returning({ id: schema.submission.id, status: schema.submission.status, createdAt: schema.submission.createdAt });
    await ports.enqueue(row!.id, executor);
    return row!;
  });
}

async function assertWithinLimits(db: Db, ports: GradingPorts, input: CreateSubmissionInput) {
  const [pending] = await db
    .select({ value: count() })
    .from(schema.submission)
    .where(and(eq(schema.submission.userId, input.userId), eq(schema.submission.exerciseId, input.exerciseId), inArray(schema.submission.status, [...PENDING])));
  if ((pending?.value ?? 0) > 0) {
    throw new TRPCError({ code: "CONFLICT", message: "Your previous submission of this exercise is still being graded. Wait for its result." });
  }
  const oneMinuteAgo = new Date(Date.now() - 60_000);
  const [recent] = await db
    .select({ value: count() })
    .from(schema.submission)
    .where(and(eq(schema.submission.userId, input.userId), gt(schema.submission.createdAt, oneMinuteAgo)));
  if ((recent?.value ?? 0) >= ports.limits.maxPerMinute) {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: `You can submit ${ports.limits.maxPerMinute} times a minute. Wait a moment and try again.` });
  }
  const [backlog] = await db.select({ value: count() }).from(schema.submission).where(eq(schema.submission.status, "queued"));
  if ((backlog?.value ?? 0) >= ports.limits.maxBacklog) {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "The grader is very busy right now. Your code is safe in the editor: submit again in a minute." });
  }
}
