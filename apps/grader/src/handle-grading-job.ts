import path from "node:path";

import type { Db, schema } from "@academy/db";
import { and, eq, schema as tables } from "@academy/db";
import { gradingJobSchema, isConnectionLoss } from "@academy/queue";
import { gradeSubmission, SubmissionRejectedError, type ContainerSource } from "@academy/sandbox";
import { markRunning, storeGradingFailure, storeGradingResult } from "@academy/services";

import { EngineUnavailableError, type EngineGuard } from "./engine-monitor";
import { describePermanentFailure } from "./describe-permanent-failure";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";

export type JobDeps = { db: Db; exercisesDir: string; containers: ContainerSource; logger: Logger; metrics: Metrics; engine: EngineGuard };
export type IncomingJob = { id: string; data: unknown; retryCount: number; retryLimit: number };

type SubmissionRow = Pick<typeof schema.submission.$inferSelect, "id" | "exerciseId" | "mode" | "files" | "createdAt">;

/**
 * One job: a submission graded and stored. A report of any grade completes the job; only
 * infrastructure failures throw, so the queue retries them (on this or another worker).
 */
export async function handleGradingJob(deps: JobDeps, job: IncomingJob) {
  const { submissionId } = gradingJobSchema.parse(job.data);
  const log = deps.logger.child({ jobId: job.id, submissionId, attempt: job.retryCount + 1 });
  const [submission] = await deps.db
    .select({ id: tables.submission.id, exerciseId: tables.submission.exerciseId, mode: tables.submission.mode, files: tables.submission.files, createdAt: tables.submission.createdAt })
    .from(tables.submission)
    .where(eq(tables.submission.id, submissionId));
  if (!submission || !(await markRunning(deps.db, submissionId))) {
    log.info({ msg: "skipped: already graded or gone" });
    deps.metrics.jobs.inc({ outcome: "skipped" });
    return;
  }
  const started = performance.now();
  try {
    const report = await deps.engine.guard(grade(deps, submission));
    const isStored = await storeGradingResult(deps.db, submissionId, report);
    deps.metrics.jobs.inc({ outcome: report.status });
    deps.metrics.latency.observe((performance.now() - started) / 1000);
    log.info({ msg: "graded", status: report.status, score: report.score, maxScore: report.maxScore, totalMs: report.timing.totalMs, isStored });
  } catch (error) {
    if (error instanceof SubmissionRejectedError) {
      await storeGradingFailure(deps.db, submissionId, error.message);
      deps.metrics.jobs.inc({ outcome: "rejected" });
      return;
    }
    const permanentFailure = describePermanentFailure(error);
    if (permanentFailure) {
      log.error({ msg: "grading failed in a way no retry mends", error: String(error) });
      await storeGradingFailure(deps.db, submissionId, permanentFailure);
      deps.metrics.jobs.inc({ outcome: "permanent-error" });
      return;
    }
    // The engine, not the job, failed: it goes back to the queue (EngineUnavailableError) and spends no try.
    const isEngineDown = error instanceof EngineUnavailableError || !(await deps.engine.isAnswering());
    const isLastAttempt = !isEngineDown && job.retryCount >= job.retryLimit;
    // An engine or database that went away (a restart, a shutdown) is weathered, not a fault of the grader.
    log[isEngineDown || isConnectionLoss(error) ? "warn" : "error"]({ msg: "grading could not run", error: String(error), isEngineDown, isLastAttempt });
    deps.metrics.jobs.inc({ outcome: isEngineDown ? "engine-unavailable" : "infrastructure-error" });
    if (isLastAttempt) {
      await storeGradingFailure(deps.db, submissionId, "The grader could not run your code. Your submission is saved: submit it again in a moment.");
      return;
    }
    // Only a submission still running goes back: another try of this job may have stored a result meanwhile.
    await deps.db
      .update(tables.submission)
      .set({ status: "queued" })
      .where(and(eq(tables.submission.id, submissionId), eq(tables.submission.status, "running")));
    throw isEngineDown && !(error instanceof EngineUnavailableError) ? new EngineUnavailableError(String(error)) : error;
  }
}

function grade(deps: JobDeps, submission: SubmissionRow) {
  return gradeSubmission({
    exerciseDir: path.join(deps.exercisesDir, submission.exerciseId),
    files: submission.files,
    visibility: submission.mode === "run-visible" ? "visible-only" : "all",
    queuedMs: Date.now() - submission.createdAt.getTime(),
    gradingId: submission.id,
    containers: deps.containers,
  });
}
