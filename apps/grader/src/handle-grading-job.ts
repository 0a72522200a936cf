import path from "node:path";

import type { Db } from "@academy/db";
import { loadExercise } from "@academy/exercises";
import { isConnectionLoss, laneOfPriority } from "@academy/queue";
import { gradeSubmission, SubmissionRejectedError, type ContainerSource } from "@academy/sandbox";

import { EngineUnavailableError, type EngineGuard } from "./engine-monitor";
import { describePermanentFailure } from "./describe-permanent-failure";
import { chooseGradingTarget, type GradingInput, type GradingTarget } from "./grading-targets";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";

export type JobDeps = { db: Db; exercisesDir: string; containers: ContainerSource; logger: Logger; metrics: Metrics; engine: EngineGuard };
export type IncomingJob = { id: string; data: unknown; retryCount: number; retryLimit: number; priority: number };

const EXERCISE_CHANGED_AGAIN =
  "The exercise changed again after this preview started, so it cannot be graded against the version the preview names. Discard the preview and start a new one.";

/**
 * One job: a submission (or a regrade preview's item) graded and stored. A report of any grade
 * completes the job; only infrastructure failures throw, so the queue retries them (on this or
 * another worker).
 */
export async function handleGradingJob(deps: JobDeps, job: IncomingJob) {
  const target = chooseGradingTarget(deps.db, job.data);
  const lane = laneOfPriority(job.priority);
  const log = deps.logger.child({ jobId: job.id, ...target.logFields, lane, attempt: job.retryCount + 1 });
  const countJob = (outcome: string) => deps.metrics.jobs.inc({ outcome, lane });
  const input = await target.begin();
  if (!input) {
    log.info({ msg: "skipped: already graded or gone" });
    countJob("skipped");
    return;
  }
  const started = performance.now();
  try {
    if (!(await hasExpectedVersion(deps, input))) {
      await target.storeFailure(EXERCISE_CHANGED_AGAIN);
      countJob("rejected");
      return;
    }
    const report = await deps.engine.guard(grade(deps, target, input));
    const isStored = await target.storeResult(report);
    countJob(report.status);
    deps.metrics.latency.observe({ outcome: report.status, lane }, (performance.now() - started) / 1000);
    log.info({ msg: "graded", status: report.status, score: report.score, maxScore: report.maxScore, totalMs: report.timing.totalMs, isStored });
  } catch (error) {
    if (error instanceof SubmissionRejectedError) {
      await target.storeFailure(error.message);
      countJob("rejected");
      return;
    }
    const permanentFailure = describePermanentFailure(error);
    if (permanentFailure) {
      log.error({ msg: "grading failed in a way no retry mends", error: String(error) });
      await target.storeFailure(permanentFailure);
      countJob("permanent-error");
      return;
    }
    // The engine, not the job, failed: it goes back to the queue (EngineUnavailableError) and spends no try.
    const isEngineDown = error instanceof EngineUnavailableError || !(await deps.engine.isAnswering());
    const isLastAttempt = !isEngineDown && job.retryCount >= job.retryLimit;
    // An engine or database that went away (a restart, a shutdown) is weathered, not a fault of the grader.
    log[isEngineDown || isConnectionLoss(error) ? "warn" : "error"]({ msg: "grading could not run", error: String(error), isEngineDown, isLastAttempt });
    countJob(isEngineDown ? "engine-unavailable" : "infrastructure-error");
    if (isLastAttempt) {
      await target.storeFailure("The grader could not run your code. Your submission is saved: submit it again in a moment.");
      return;
    }
    await target.putBack();
    throw isEngineDown && !(error instanceof EngineUnavailableError) ? new EngineUnavailableError(String(error)) : error;
  }
}

async function hasExpectedVersion(deps: JobDeps, input: GradingInput) {
  if (!input.expectedContentHash) return true;
  const folder = await loadExercise(path.join(deps.exercisesDir, input.exerciseId));
  return folder.version === input.expectedContentHash;
}

function grade(deps: JobDeps, target: GradingTarget, input: GradingInput) {
  return gradeSubmission({
    exerciseDir: path.join(deps.exercisesDir, input.exerciseId),
    files: input.files,
    visibility: input.visibility,
    milestone: input.milestoneKey,
    queuedMs: Date.now() - input.createdAt.getTime(),
    gradingId: target.id,
    containers: deps.containers,
  });
}
