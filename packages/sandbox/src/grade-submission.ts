import { randomUUID } from "node:crypto";
import type Docker from "dockerode";
import { loadExercise } from "@academy/content";

import { buildTar } from "./archive/build-tar";
import { buildBundleEntries, jobTestFiles } from "./archive/grading-bundle";
import { defaultLimits, type SandboxLimits } from "./config/limits";
import { assertDockerEngine, createDockerClient } from "./docker/client";
import { buildContainerSpec } from "./docker/container-spec";
import { runGradingContainer } from "./docker/run-container";
import { findGraderImage } from "./image/ensure-image";
import { mapLimit } from "./map-limit";
import { planJobs, type PlannedJob } from "./plan-jobs";
import { buildImplementReport, buildWriteTestsReport, type ReportScope } from "./report/build-report";
import type { GradingReport } from "./report/schema";
import { listTestNames } from "./report/static-tests";
import { summarizeRun, type RunContext } from "./report/summarize-run";
import { validateSubmissionFiles, type SubmittedFile } from "./submission/validate-files";

export type GradeSubmissionOptions = {
  exerciseDir: string;
  files: SubmittedFile[];
  /** "visible-only" is the "Run visible tests" button: tests/visible only, counts for nothing. */
  visibility?: ReportScope;
  docker?: Docker;
  limits?: SandboxLimits;
  /** Time the submission waited in the queue, reported in timing.queuedMs. */
  queuedMs?: number;
  /** Labels this grading's containers (academy.grading-id); random by default. */
  gradingId?: string;
};

type RunEnv = { docker: Docker; image: string; limits: SandboxLimits; gradingId: string; exerciseId: string; context: RunContext };

async function runJob({ job }: PlannedJob, env: RunEnv) {
  const archive = await buildTar(buildBundleEntries(job, env.limits));
  const spec = buildContainerSpec({ image: env.image, job, limits: env.limits, gradingId: env.gradingId, exerciseId: env.exerciseId });
  const outcome = await runGradingContainer({
    docker: env.docker,
    spec,
    archive,
    killAfterMs: job.timeoutMs + env.limits.killGraceSeconds * 1000,
    maxReportBytes: env.limits.maxReportKib * 1024,
  });
  const expectedTests = jobTestFiles(job).flatMap(({ files, visibility }) => listTestNames(files, visibility));
  return summarizeRun(outcome, { ...env.context, expectedTests });
}

/** Grades one submission in fresh hardened containers and returns the report (version 1).
 * Throws SubmissionRejectedError (before any container exists), ExerciseFolderError or GradingUnavailableError. */
export async function gradeSubmission(options: GradeSubmissionOptions): Promise<GradingReport> {
  const startedAt = performance.now();
  const limits = options.limits ?? defaultLimits;
  const scope = options.visibility ?? "all";
  const exercise = await loadExercise(options.exerciseDir);
  const submission = validateSubmissionFiles(exercise.config, options.files, limits);
  const docker = options.docker ?? createDockerClient();
  await assertDockerEngine(docker);
  const image = await findGraderImage(docker);
  const { config } = exercise;
  const env: RunEnv = {
    docker,
    image,
    limits,
    gradingId: options.gradingId ?? randomUUID(),
    exerciseId: config.id,
    context: { timeoutSeconds: config.timeoutSeconds, memoryMb: limits.memoryMb, outputKib: limits.outputKib },
  };
  const jobs = await planJobs(exercise, submission, scope);
  const runs = await mapLimit(jobs, limits.parallelContainers, (job) => runJob(job, env));
  const common = {
    exerciseId: config.id,
    points: config.points,
    scope,
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
