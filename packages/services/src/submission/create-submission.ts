import path from "node:path";

import { loadExercise } from "@academy/exercises";
import type { Db } from "@academy/db";
import { and, count, eq, gt, inArray, schema, sql, withTransaction } from "@academy/db";
import { SubmissionRejectedError, validateSubmissionFiles } from "@academy/sandbox/contract";
import type { GradingLane } from "@academy/queue";
import { PENDING_STATUSES } from "@academy/submission-lifecycle";

import { DomainError } from "../domain-error";
import { assertExerciseNotInRunningAttempt } from "../exam/attempt-in-progress";
import { exerciseNotFound } from "../exercise/exercise-not-found";
import type { GradingPorts, SubmissionLimits } from "./grading-ports";

export type CreateSubmissionInput = {
  userId: string;
  exerciseId: string;
  mode: "submit" | "run-visible";
  files: { name: string; content: string }[];
  examAttemptId?: string;
  /** A team-project template's milestone: only its suite grades the submission. */
  milestoneKey?: string;
  /** The team project a team's submission belongs to. */
  teamProjectId?: string;
  /** The web request that created it (a plausible token, `requestIdSchema`): the grading job carries it to the grader's logs. */
  requestId?: string;
};

/**
 * Validates everything a learner can get wrong, then admits the submission: the limits are
 * checked and the submission and its job stored in one transaction, under one lock. A caller's
 * `assertAdmissible` runs in that transaction too (an exam's: its attempt is still open).
 */
export async function createSubmission(db: Db, ports: GradingPorts, input: CreateSubmissionInput, assertAdmissible?: (tx: Db) => Promise<void>) {
  const [exercise] = await db
    .select({
      id: schema.exercise.id,
      currentVersionId: schema.exercise.currentVersionId,
      isArchived: schema.exercise.isArchived,
      isTeamTemplate: schema.exercise.isTeamTemplate,
    })
    .from(schema.exercise)
    .where(eq(schema.exercise.id, input.exerciseId));
  // A team-project template is graded only milestone by milestone for a team: alone, its hidden suites would grade one learner's code.
  const isTeamMilestone = input.milestoneKey !== undefined && input.teamProjectId !== undefined;
  if (!exercise || exercise.isArchived || !exercise.currentVersionId || (exercise.isTeamTemplate && !isTeamMilestone)) {
    throw exerciseNotFound(input.exerciseId);
  }
  if (!input.examAttemptId) await assertExerciseNotInRunningAttempt(db, input.userId, exercise.id, new Date());
  const folder = await loadExercise(path.join(ports.exercisesDir, exercise.id));
  if (input.files.every((file) => file.content.trim() === "")) {
    throw new DomainError("BAD_REQUEST", "Your code is empty: write your solution before submitting.");
  }
  if (input.milestoneKey && !folder.milestones.some((m) => m.key === input.milestoneKey)) {
    throw new DomainError("BAD_REQUEST", `This project has no milestone "${input.milestoneKey}".`);
  }
  try {
    validateSubmissionFiles(folder.config, input.files);
  } catch (error) {
    if (error instanceof SubmissionRejectedError) throw new DomainError("BAD_REQUEST", error.message, { cause: error });
    throw error;
  }
  return withTransaction(db, async (tx, executor) => {
    await assertAdmissible?.(tx);
    await lockAdmissions(tx);
    await assertWithinLimits(tx, ports.limits, input);
    const [row] = await tx
      .insert(schema.submission)
      .values({
        userId: input.userId,
        exerciseId: exercise.id,
        exerciseVersionId: exercise.currentVersionId!,
        mode: input.mode,
        files: input.files,
        examAttemptId: input.examAttemptId,
        milestoneKey: input.milestoneKey,
        teamProjectId: input.teamProjectId,
      })
      .returning({ id: schema.submission.id, status: schema.submission.status, createdAt: schema.submission.createdAt });
    await ports.enqueue(row!.id, chooseGradingLane(input), executor, input.requestId);
    return row!;
  });
}

/** An exam's grading goes first; a learner's own practice comes before regrades and previews. */
function chooseGradingLane(input: CreateSubmissionInput): GradingLane {
  return input.examAttemptId ? "exam" : "practice";
}

/**
 * Admissions run one at a time, everyone's: the backlog bound counts all learners' submissions,
 * so a per-learner lock would let two learners pass it together. An admission holds the lock
 * for a few queries (the files were checked before), far less than a grading takes.
 */
async function lockAdmissions(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('academy:submission-admission'))`);
}

async function assertWithinLimits(db: Db, limits: SubmissionLimits, input: CreateSubmissionInput) {
  const [pending] = await db
    .select({ value: count() })
    .from(schema.submission)
    .where(and(eq(schema.submission.userId, input.userId), eq(schema.submission.exerciseId, input.exerciseId), inArray(schema.submission.status, [...PENDING_STATUSES])));
  if ((pending?.value ?? 0) > 0) {
    throw new DomainError("CONFLICT", "Your previous submission of this exercise is still being graded. Wait for its result.");
  }
  const [recent] = await db
    .select({ value: count() })
    .from(schema.submission)
    .where(and(eq(schema.submission.userId, input.userId), gt(schema.submission.createdAt, sql`now() - interval '1 minute'`)));
  if ((recent?.value ?? 0) >= limits.maxPerMinute) {
    throw new DomainError("TOO_MANY_REQUESTS", `You can submit ${limits.maxPerMinute} times a minute. Wait a moment and try again.`);
  }
  const [backlog] = await db.select({ value: count() }).from(schema.submission).where(eq(schema.submission.status, "queued"));
  if ((backlog?.value ?? 0) >= limits.maxBacklog) {
    throw new DomainError("TOO_MANY_REQUESTS", "The grader is very busy right now. Your code is safe in the editor: submit again in a minute.");
  }
}
