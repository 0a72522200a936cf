import { submissionLimits } from "@academy/exercises/contract";
import { z } from "zod";

/** Every limit of a grading, with the reason for its value. */
export const sandboxLimitsSchema = z.object({
  // FastAPI app + pytest + supervisor need ~150 MB; 256 stops a memory hog well before the host
  // notices. Swap is set equal, so memory cannot be paged out to dodge the limit.
  memoryMb: z.number().int().min(128).max(4096).default(256),
  // One CPU per grading: two gradings fit side by side on the 2-core machines.
  cpus: z.number().min(0.1).max(8).default(1),
  // Whole container (processes + threads): stops a fork/thread bomb from reaching the host.
  pidsLimit: z.number().int().min(32).default(256),
  // RLIMIT_NPROC of the learner's own uid (unique per grading): uvicorn's worker threads fit,
  // and a bomb stops here, leaving pids for the test runner.
  learnerProcesses: z.number().int().min(16).default(96),
  // Open files per process: ample for an app with SQLite, bounds fd exhaustion to one process.
  openFiles: z.number().int().min(64).default(512),
  // Largest file any process may write (RLIMIT_FSIZE).
  fileSizeMb: z.number().int().min(1).default(16),
  // The app's scratch folder (cwd, HOME, TMPDIR), a tmpfs counted in memoryMb; the disk is never written.
  appScratchMb: z.number().int().min(8).default(64),
  // The test runner's scratch folder (tmp_path and friends).
  testsScratchMb: z.number().int().min(8).default(32),
  // Each of the job's folders (/grader/submission, /grader/tests, /grader/app), a tmpfs counted in
  // memoryMb: far above the submission limits and any exercise's tests.
  jobFilesMb: z.number().int().min(1).default(16),
  // Learner stdout/stderr kept in the report; the rest is read and dropped, marked truncated.
  outputKib: z.number().int().min(1).default(64),
  // Docker's own log of a script container (lesson code checks), never read. Grading containers
  // keep none: their stdout is the report channel, read through the attach stream.
  logKib: z.number().int().min(64).default(512),
  // Submission input: a FastAPI exercise is a few small text files (the contract's limits).
  maxFiles: z.number().int().min(1).default(submissionLimits.maxFiles),
  maxFileKib: z.number().int().min(1).default(submissionLimits.maxFileKib),
  maxTotalKib: z.number().int().min(1).default(submissionLimits.maxTotalKib),
  // The supervisor stops at the exercise's limit itself; past this grace the container is killed from outside.
  killGraceSeconds: z.number().int().min(1).default(3),
  // Largest report accepted back from a container: the supervisor keeps up to 4 MiB of signed
  // test events and 64 KiB of output, which JSON escaping can grow to twice that and more. A
  // larger report ends the grading as a fault at once.
  maxReportKib: z.number().int().min(64).default(12 * 1024),
  // write-tests gradings run one container per variant, at most this many at once (2 cores).
  parallelContainers: z.number().int().min(1).default(2),
  // A started container (FastAPI and pytest imported, children waiting) that gets no job within
  // this time stops, and a pool replaces it: bounds how old a running grading container can be.
  poolIdleSeconds: z.number().int().min(5).max(600).default(240),
  // From container start to the supervisor's "ready"; more means the engine or machine is stuck.
  readySeconds: z.number().int().min(1).default(30),
});

export type SandboxLimits = z.output<typeof sandboxLimitsSchema>;

export const defaultLimits: SandboxLimits = sandboxLimitsSchema.parse({});

/** Leftover containers older than this are from a dead grader: a live one's containers wait at
 * most poolIdleSeconds (240) for a job, then grade within 60 s + grace; a minute of margin. */
export const LEFTOVER_AGE_MS = 365_000;

/** A stopped grading container is a leftover once it has been stopped this long: its grader
 * reads the report within moments, or is gone (a dead grader's spares stop when its connection closes). */
export const EXITED_LEFTOVER_MS = 60_000;
