import { randomUUID } from "node:crypto";
import type Docker from "dockerode";
import { listTestNames, loadExercise, MilestoneNotFoundError } from "@academy/exercises";

import { buildJobMessage, jobTestFiles } from "./archive/grading-bundle";
import { defaultLimits, type SandboxLimits } from "./config/limits";
import { assertDockerEngine, createDockerClient } from "./docker/client";
import { createOnDemandSource, type ContainerSource } from "./docker/container-pool";
import { EXERCISE_LABEL, GRADING_ID_LABEL } from "./docker/labels";
import { runGradingContainer, type ContainerOutcome } from "./docker/run-container";
import { findGraderImage } from "./image/ensure-image";
import { mapLimit } from "./map-limit";
import { planJobs, type PlannedJob } from "./plan-jobs";
import { buildImplementReport, buildWriteTestsReport, type ReportScope } from "./report/build-report";
import type { GradingReport } from "./report/schema";
import { summarizeRun, type RunContext } from "./report/summarize-run";
import { validateSubmissionFiles, type SubmittedFile } from "./submission/validate-files";

export type GradeSubmissionOptions = {
  exerciseDir: string;
  files: SubmittedFile[];
  /** "visible-only" is the "Run visible tests" button: tests/visible only, counts for nothing. */
  visibility?: ReportScope;
  /** A template's milestone key: only that milestone's visible and hidden tests run, scored out of
   * its points, and the report names it. Throws MilestoneNotFoundError for a key it lacks. */
  milestone?: string | null;
  docker?: Docker;
  limits?: SandboxLimits;
  /** Time the submission waited in the queue, reported in timing.queuedMs. */
  queuedMs?: number;
  /** Labels the containers started for this grading (academy.grading-id); random by default. */
  gradingId?: string;
  /** Ready containers (the grader service's pool); without one, each container is started here. */
  containers?: ContainerSource;
};

type RunEnv = { limits: SandboxLimits; containers: ContainerSource; context: RunContext };

async function runJob(planned: PlannedJob, env: RunEnv) {
  const warm = await env.containers.acquire(planned.job.mode);
  const job = { ...planned.job, learnerUid: warm.slot.learnerUid };
  let outcome: ContainerOutcome;
  try {
    outcome = await runGradingContainer({
      warm,
      job: buildJobMessage(job, env.limits),
      killAfterMs: job.timeoutMs + env.limits.killGraceSeconds * 1000,
    });
  } finally {
    await env.containers.release(warm);
  }
  const expectedTests = jobTestFiles(job).flatMap(({ files, visibility }) => listTestNames(files, visibility));
  return summarizeRun(outcome, { ...env.context, expectedTests });
}

async function startOnDemand(options: GradeSubmissionOptions, limits: SandboxLimits, exerciseId: string) {
  const docker = options.docker ?? createDockerClient();
  await assertDockerEngine(docker);
  const image = await findGraderImage(docker);
  const labels = { [GRADING_ID_LABEL]: options.gradingId ?? randomUUID(), [EXERCISE_LABEL]: exerciseId };
  return createOnDemandSource({ docker, image, limits, labels });
}

/** Grades one submission in fresh hardened containers and returns the report (version 1).
 * Throws SubmissionRejectedError or MilestoneNotFoundError (before any container exists), ExerciseFolderError
 * or GradingUnavailableError. */
export async function gradeSubmission(options: GradeSubmissionOptions): Promise<GradingReport> {
  const startedAt = performance.now();
  const limits = options.limits ?? defaultLimits;
  const scope = options.visibility ?? "all";
  const exercise = await loadExercise(options.exerciseDir);
  const submission = validateSubmissionFiles(exercise.config, options.files, limits);
  const { config } = exercise;
  const milestone = options.milestone ? config.milestones.find((m) => m.key === options.milestone) : undefined;
  if (options.milestone && !milestone) throw new MilestoneNotFoundError(config.id, options.milestone);
  const containers = options.containers ?? (await startOnDemand(options, limits, config.id));
  const env: RunEnv = {
    limits,
    containers,
    context: {
      timeoutSeconds: config.timeoutSeconds,
      memoryMb: limits.memoryMb,
      outputKib: limits.outputKib,
      learnerFiles: submission.map((file) => file.name),
    },
  };
  const jobs = await planJobs(exercise, submission, scope, options.milestone);
  const runs = await mapLimit(jobs, limits.parallelContainers, (job) => runJob(job, env));
  const common = {
    exerciseId: config.id,
    points: milestone?.points ?? config.points,
    scope,
    milestone: milestone?.key,
    queuedMs: options.queuedMs ?? 0,
    totalMs: Math.round(performance.now() - startedAt),
  };
  const [app, ...mutants] = runs;
  if (!app) throw new Error("no grading job was planned");
  if (config.kind === "implement") return buildImplementReport(app, common);
  return buildWriteTestsReport(
    app,
    mutants.map((run, index) => ({ name: jobs[index + 1]?.variant ?? `${index + 1}`, run })),
    common,
  );
}
