import type { Db, DbExecutor } from "@academy/db";
import { and, eq, schema, sql } from "@academy/db";
import { SubmissionRejectedError, validateSubmissionFiles } from "@academy/sandbox/contract";
import { isFinalStatus } from "@academy/submission-lifecycle";

import { DomainError } from "../domain-error";
import { findExerciseRules } from "../draft/find-exercise-rules";
import { createSubmission } from "../submission/create-submission";
import { getQueuePosition } from "../submission/get-submission";
import type { GradingPorts } from "../submission/grading-ports";
import type { AttemptRow } from "./attempt-row";
import { readOwnAttempt } from "./attempt-row";
import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { listPartBSubmissions } from "./score-exam";

type PartBInput = { attemptId: string; exerciseId: string };
type FilesInput = PartBInput & { files: { name: string; content: string }[] };

function refuseCode(attempt: Pick<AttemptRow, "status" | "deadlineAt">, what: string): DomainError {
  if (attempt.status !== "in-progress") {
    return new DomainError("PRECONDITION_FAILED", `This exam has been submitted, so ${what} was not accepted. The code saved before is kept.`);
  }
  return new DomainError(
    "PRECONDITION_FAILED",
    `Time is up: this exam ended at ${attempt.deadlineAt.toISOString()}, so ${what} was not accepted. The code saved before the deadline is kept.`,
  );
}

function assertExerciseOfAttempt(attempt: Pick<AttemptRow, "exerciseIds">, exerciseId: string) {
  if (!attempt.exerciseIds.includes(exerciseId)) {
    throw new DomainError("BAD_REQUEST", `Exercise ${exerciseId} is not part of this exam. Reload the exam page.`);
  }
}

/** The learner's attempt, in progress and before its deadline, with the exercise among its Part B. */
async function readOpenAttemptFor(db: Db, userId: string, input: PartBInput, now: Date, what: string) {
  const attempt = await readOwnAttempt(db, userId, input.attemptId);
  if (attempt.status !== "in-progress" || now >= attempt.deadlineAt) throw refuseCode(attempt, what);
  assertExerciseOfAttempt(attempt, input.exerciseId);
  return attempt;
}

/** The same rules a practice submission obeys, so saved code can always be submitted. */
async function assertValidFiles(db: Db, exerciseId: string, files: FilesInput["files"], refusal: string) {
  const rules = await findExerciseRules(db, exerciseId);
  try {
    validateSubmissionFiles(rules, files);
  } catch (error) {
    if (error instanceof SubmissionRejectedError) throw new DomainError("BAD_REQUEST", `${refusal}: ${error.message}.`, { cause: error });
    throw error;
  }
}

/**
 * Saves Part B code as the learner types it. The write itself holds only while the attempt is in
 * progress and before its deadline (one statement reading the attempt under a share lock, which
 * submitting waits for), so a late save changes nothing already kept.
 */
export async function saveExamDraft(db: Db, userId: string, input: FilesInput, clock: Clock = systemClock) {
  const now = clock();
  await readOpenAttemptFor(db, userId, input, now, "this code");
  await assertValidFiles(db, input.exerciseId, input.files, "Your code was not saved");
  const files = JSON.stringify(input.files.map(({ name, content }) => ({ name, content })));
  const { examAttempt } = schema;
  const saved = await db.execute<{ saved_at: Date }>(sql`
    insert into exam_draft (attempt_id, exercise_id, files, saved_at)
    select ${examAttempt.id}, ${input.exerciseId}, ${files}::jsonb, ${now}
    from ${examAttempt}
    where ${examAttempt.id} = ${input.attemptId} and ${examAttempt.userId} = ${userId}
      and ${examAttempt.status} = 'in-progress' and ${examAttempt.deadlineAt} > ${now}
    for share
    on conflict (attempt_id, exercise_id) do update set files = excluded.files, saved_at = excluded.saved_at
    returning saved_at`);
  if (saved.rows.length === 0) throw refuseCode(await readOwnAttempt(db, userId, input.attemptId), "this code");
  return { exerciseId: input.exerciseId, savedAt: now };
}

/** The learner's saved Part B code of one exercise, or null before they typed any; readable after the exam too. */
export async function getExamDraft(db: Db, userId: string, input: PartBInput) {
  const attempt = await readOwnAttempt(db, userId, input.attemptId);
  assertExerciseOfAttempt(attempt, input.exerciseId);
  const [row] = await db
    .select({ files: schema.examDraft.files, savedAt: schema.examDraft.savedAt })
    .from(schema.examDraft)
    .where(and(eq(schema.examDraft.attemptId, attempt.id), eq(schema.examDraft.exerciseId, input.exerciseId)));
  return row ?? null;
}

/**
 * Inside the admission transaction: the attempt, share-locked, is still open. Submitting or the
 * deadline sweep locks the same row for update, so a submission is admitted before the attempt
 * ends or not at all, and nothing sent late can change a settled score.
 */
function assertAttemptStillOpen(userId: string, attemptId: string, now: Date) {
  return async (tx: DbExecutor) => {
    const { examAttempt } = schema;
    const [attempt] = await tx
      .select({ status: examAttempt.status, deadlineAt: examAttempt.deadlineAt })
      .from(examAttempt)
      .where(and(eq(examAttempt.id, attemptId), eq(examAttempt.userId, userId)))
      .for("share");
    if (!attempt || attempt.status !== "in-progress" || now >= attempt.deadlineAt) throw refuseCode(attempt ?? { status: "submitted", deadlineAt: now }, "this submission");
  };
}

/**
 * Sends Part B code for grading: a submission of the attempt, graded by hidden tests like any
 * other, in the exam's queue lane. The learner is told it was received, never its score.
 */
export async function submitExamExercise(db: Db, ports: GradingPorts, userId: string, input: FilesInput, clock: Clock = systemClock) {
  const now = clock();
  await readOpenAttemptFor(db, userId, input, now, "this submission");
  const created = await createSubmission(
    db,
    ports,
    { userId, exerciseId: input.exerciseId, mode: "submit", files: input.files, examAttemptId: input.attemptId },
    assertAttemptStillOpen(userId, input.attemptId, now),
  );
  return { submissionId: created.id, exerciseId: input.exerciseId, state: "received" as const, createdAt: created.createdAt };
}

/** What a learner may know of a Part B submission before the exam's result: received or graded, never how. */
export type PartBState = "received" | "graded";

/**
 * Part B's submissions as the exam page shows them: per exercise of the attempt, each submission's
 * state and, while queued, its place in line (1 = next). No score, status, report or test result.
 */
export async function getExamPartBStatus(db: Db, userId: string, attemptId: string) {
  const attempt = await readOwnAttempt(db, userId, attemptId);
  const submissions = await listPartBSubmissions(db, [attempt.id]);
  const shown = await Promise.all(
    submissions.map(async (s) => ({
      submissionId: s.id,
      exerciseId: s.exerciseId,
      state: (isFinalStatus(s.status) ? "graded" : "received") satisfies PartBState as PartBState,
      queuePosition: s.status === "queued" ? await getQueuePosition(db, s.id) : null,
      createdAt: s.createdAt,
    })),
  );
  return {
    attemptId: attempt.id,
    status: attempt.status,
    exercises: attempt.exerciseIds.map((exerciseId) => ({ exerciseId, submissions: shown.filter((s) => s.exerciseId === exerciseId) })),
  };
}
