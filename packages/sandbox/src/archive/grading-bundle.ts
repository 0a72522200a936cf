import type { SandboxLimits } from "../config/limits";

/** Fixed users of the grader image (see docker/grader-image/Dockerfile). */
export const TESTER_UID = 10002;
export const APP_UID = 10003;
// Tests that need pytest-asyncio or anyio's plugin (loading them costs time in every run).
const ASYNC_TEST = /\basync\s+def\b|\basyncio\b|\banyio\b/;

export type RunMode = "process" | "in-process" | "write-tests";
export type BundleFile = { name: string; content: Buffer | string };

/** One container's work. The learner uid is random per grading (see limits.learnerProcesses). */
export type GradingJob = {
  mode: RunMode;
  entrypoint: string;
  timeoutMs: number;
  learnerUid: number;
  learnerFiles: BundleFile[];
  visibleTests: BundleFile[];
  hiddenTests: BundleFile[];
  appFiles: BundleFile[] | null;
};

/** Where the tests of a job come from, as the report names them. */
export function jobTestFiles(job: GradingJob): { files: BundleFile[]; visibility: "visible" | "hidden" }[] {
  if (job.mode === "write-tests") return [{ files: job.learnerFiles, visibility: "visible" }];
  return [
    { files: job.visibleTests, visibility: "visible" },
    { files: job.hiddenTests, visibility: "hidden" },
  ];
}

function testDirs(job: GradingJob) {
  if (job.mode === "write-tests") return [{ path: "/grader/submission", visibility: "visible" }];
  return [
    ...(job.visibleTests.length > 0 ? [{ path: "/grader/tests/visible", visibility: "visible" }] : []),
    ...(job.hiddenTests.length > 0 ? [{ path: "/grader/tests/hidden", visibility: "hidden" }] : []),
  ];
}

export function buildJobConfig(job: GradingJob, limits: SandboxLimits) {
  return {
    mode: job.mode,
    entrypoint: job.entrypoint,
    timeoutMs: job.timeoutMs,
    learnerUid: job.learnerUid,
    testerUid: TESTER_UID,
    appUid: APP_UID,
    outputCapBytes: limits.outputKib * 1024,
    learnerNproc: limits.learnerProcesses,
    memoryLimitMb: limits.memoryMb,
    appDir: job.mode === "write-tests" ? "/grader/app" : "/grader/submission",
    submissionDir: "/grader/submission",
    learnerFiles: job.learnerFiles.map((f) => f.name),
    testDirs: testDirs(job),
    needsAsyncPlugins: jobTestFiles(job).some(({ files }) => files.some((f) => ASYNC_TEST.test(String(f.content)))),
  };
}

const asText = (files: BundleFile[]) => files.map((file) => ({ name: file.name, content: typeof file.content === "string" ? file.content : file.content.toString("utf8") }));

/**
 * The job as the supervisor reads it on stdin after "go <length>": its config, and its files by
 * the folder they go to. The supervisor writes each folder as the user who owns it (the runner's
 * staging.py): the submission root's and readable by all, the tests their runner's alone (0700;
 * the learner's own in-process), the author's app (write-tests) the app user's alone.
 */
export function buildJobMessage(job: GradingJob, limits: SandboxLimits): Buffer {
  const hasTests = job.mode !== "write-tests";
  return Buffer.from(
    JSON.stringify({
      config: buildJobConfig(job, limits),
      files: {
        submission: asText(job.learnerFiles),
        visibleTests: hasTests ? asText(job.visibleTests) : [],
        hiddenTests: hasTests ? asText(job.hiddenTests) : [],
        appFiles: job.appFiles ? asText(job.appFiles) : null,
      },
    }),
  );
}
