import path from "node:path";

import type { SandboxLimits } from "../config/limits";
import type { TarEntry } from "./build-tar";

/** Fixed users of the grader image (see docker/grader-image/Dockerfile). */
export const TESTER_UID = 10002;
export const APP_UID = 10003;
const ROOT = 0;
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

function addTree(entries: TarEntry[], base: string, files: BundleFile[], owner: number, dirMode: number, fileMode: number) {
  const dirs = new Set<string>([base]);
  for (const file of files) {
    for (let dir = path.posix.dirname(`${base}/${file.name}`); dir !== base; dir = path.posix.dirname(dir)) dirs.add(dir);
  }
  for (const dir of [...dirs].sort()) entries.push({ type: "directory", path: dir, uid: owner, gid: owner, mode: dirMode });
  for (const file of files) {
    const content = typeof file.content === "string" ? Buffer.from(file.content, "utf8") : file.content;
    entries.push({ type: "file", path: `${base}/${file.name}`, uid: owner, gid: owner, mode: fileMode, content });
  }
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

/** Entries of the archive put at / of the container's /grader volume. Tests and the app under test
 * belong to users the learner's code never runs as (mode 0700); out/ and job.json to root only. */
export function buildBundleEntries(job: GradingJob, limits: SandboxLimits): TarEntry[] {
  const entries: TarEntry[] = [];
  const testsOwner = job.mode === "in-process" ? job.learnerUid : TESTER_UID;
  // Readable by every user, writable by none of them: the learner's copy lives in its scratch tmpfs.
  addTree(entries, "submission", job.learnerFiles, ROOT, 0o755, 0o644);
  if (job.mode !== "write-tests") {
    entries.push({ type: "directory", path: "tests", uid: testsOwner, gid: testsOwner, mode: 0o700 });
    if (job.visibleTests.length > 0) addTree(entries, "tests/visible", job.visibleTests, testsOwner, 0o700, 0o600);
    if (job.hiddenTests.length > 0) addTree(entries, "tests/hidden", job.hiddenTests, testsOwner, 0o700, 0o600);
  }
  if (job.appFiles) addTree(entries, "app", job.appFiles, APP_UID, 0o700, 0o600);
  entries.push({ type: "directory", path: "out", uid: ROOT, gid: ROOT, mode: 0o700 });
  const config = Buffer.from(JSON.stringify(buildJobConfig(job, limits)));
  entries.push({ type: "file", path: "job.json", uid: ROOT, gid: ROOT, mode: 0o600, content: config });
  return entries;
}
