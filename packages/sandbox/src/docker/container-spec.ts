import type Docker from "dockerode";

import { APP_UID, TESTER_UID, type RunMode } from "../archive/grading-bundle";
import type { SandboxLimits } from "../config/limits";
import { GRADER_LABEL } from "./labels";
import { GRADING_SECCOMP_PROFILE } from "./seccomp-profile";

const MIB = 1024 * 1024;

function scratchTmpfs(uid: number, sizeMb: number, mode = "0700"): string {
  // Owned by one user, mode 0700: the other users cannot list, read or write it. In memory,
  // so counted in the memory limit and never on the host's disk.
  return `rw,nosuid,nodev,noexec,size=${sizeMb}m,uid=${uid},gid=${uid},mode=${mode}`;
}

/** The job's folders, empty until the supervisor writes each as its owner (runner staging.py):
 * the submission root's and readable by all; the tests their runner's alone (absent in
 * write-tests, where the learner's files are the tests); the author's app the app user's alone. */
function jobTmpfs(slot: ContainerSlot, limits: SandboxLimits): Record<string, string> {
  const size = limits.jobFilesMb;
  const submission = { "/grader/submission": scratchTmpfs(0, size, "0755") };
  if (slot.mode === "write-tests") return { ...submission, "/grader/app": scratchTmpfs(APP_UID, size) };
  const testsOwner = slot.mode === "in-process" ? slot.learnerUid : TESTER_UID;
  return { ...submission, "/grader/tests": scratchTmpfs(testsOwner, size) };
}

/** What a container is prepared for before its job exists: the users and scratch folders of one
 * run mode, and the learner's uid (random per container, see limits.learnerProcesses). */
export type ContainerSlot = { mode: RunMode; learnerUid: number };

/** The container plan the supervisor reads at start (docker/grader-image/runner/academy_runner/job.py). */
export function buildContainerPlan(slot: ContainerSlot, limits: SandboxLimits) {
  return {
    mode: slot.mode,
    learnerUid: slot.learnerUid,
    testerUid: TESTER_UID,
    appUid: APP_UID,
    learnerNproc: limits.learnerProcesses,
    idleSeconds: limits.poolIdleSeconds,
  };
}

/** The hardening every container of this package runs under: no network, read-only root, memory
 * with swap equal, CPU, pids, ulimits, no capabilities, no-new-privileges, seccomp, an init. */
function buildHardenedHostConfig(args: {
  limits: SandboxLimits;
  tmpfs: Record<string, string>;
  isSeccompDisabled?: boolean;
}): Docker.HostConfig {
  const { limits } = args;
  return {
    NetworkMode: "none",
    ReadonlyRootfs: true,
    Tmpfs: args.tmpfs,
    // No /dev/shm: nothing world-writable is left for one user to leave files to another.
    IpcMode: "none",
    Memory: limits.memoryMb * MIB,
    MemorySwap: limits.memoryMb * MIB,
    NanoCpus: Math.round(limits.cpus * 1e9),
    PidsLimit: limits.pidsLimit,
    Ulimits: [
      { Name: "nofile", Soft: limits.openFiles, Hard: limits.openFiles },
      { Name: "fsize", Soft: limits.fileSizeMb * MIB, Hard: limits.fileSizeMb * MIB },
      { Name: "core", Soft: 0, Hard: 0 },
    ],
    CapDrop: ["ALL"],
    // The kernel surface a learner reaches: Docker's default allow list, tightened (seccomp/grading.json).
    SecurityOpt: args.isSeccompDisabled ? ["no-new-privileges"] : ["no-new-privileges", `seccomp=${GRADING_SECCOMP_PROFILE}`],
    // tini as PID 1 reaps orphans, so a learner's daemonised children cannot pile up as zombies.
    Init: true,
    LogConfig: { Type: "json-file", Config: { "max-size": `${limits.logKib}k`, "max-file": "1" } },
  };
}

/** The hardened container of one grading job. */
export function buildContainerSpec(args: {
  image: string;
  slot: ContainerSlot;
  limits: SandboxLimits;
  labels: Record<string, string>;
  /** Only where the engine has no seccomp and GRADER_ALLOW_NO_SECCOMP allows it (development). */
  isSeccompDisabled?: boolean;
  /** The cgroup the engine puts the container under (GRADER_CGROUP_PARENT): the grading containers'
   * CPU and memory summed in one place, to cap or to measure. The engine's default when absent. */
  cgroupParent?: string;
}): Docker.ContainerCreateOptions {
  const { image, slot, limits } = args;
  const appUid = slot.mode === "write-tests" ? APP_UID : slot.learnerUid;
  const testsUid = slot.mode === "process" ? TESTER_UID : slot.learnerUid;
  const tmpfs = {
    "/scratch/app": scratchTmpfs(appUid, limits.appScratchMb),
    "/scratch/tests": scratchTmpfs(testsUid, limits.testsScratchMb),
    ...jobTmpfs(slot, limits),
  };
  return {
    Image: image,
    User: "0:0",
    WorkingDir: "/grader",
    Env: [`ACADEMY_PLAN=${JSON.stringify(buildContainerPlan(slot, limits))}`],
    Labels: { ...args.labels, [GRADER_LABEL]: "1" },
    // The supervisor says "ready" on stdout, reads "go" and the job on stdin, and writes "done"
    // and the report on stdout. StdinOnce: stdin closes when the grader's connection does, so a
    // dead grader's spares stop by themselves.
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: true,
    NetworkDisabled: true,
    HostConfig: {
      ...buildHardenedHostConfig({ limits, tmpfs, isSeccompDisabled: args.isSeccompDisabled }),
      // The supervisor (root, the image's entry point) needs exactly two capabilities: SETUID and
      // SETGID, to start the app and pytest as two different unprivileged users, to write each of
      // the job's folders as its owner, and to become a user in order to kill all of that user's
      // processes. Children lose them at setuid and
      // no-new-privileges stops any way back (setuid binaries, file capabilities).
      CapAdd: ["SETUID", "SETGID"],
      // Its stdout is the report channel, read through the attach stream: nothing for a log to keep.
      LogConfig: { Type: "none", Config: {} },
      ...(args.cgroupParent ? { CgroupParent: args.cgroupParent } : {}),
    },
  };
}

/** A container that runs one command of the grader image as one unprivileged user, under the
 * grading containers' hardening and without the supervisor: for checks that run other code than
 * a submission in the same conditions (the lesson code blocks). Files go in with putArchive into
 * `workDir`, a volume; the command writes to `scratch` (its cwd, HOME and TMPDIR) and the volume.
 * No grader label: it may outlive a grading container's age, and a grader's leftover sweep must not remove it. */
export function buildScriptContainerSpec(args: {
  image: string;
  cmd: string[];
  uid: number;
  workDir: string;
  scratch: { dir: string; sizeMb: number };
  limits: SandboxLimits;
}): Docker.ContainerCreateOptions {
  const { scratch } = args;
  return {
    Image: args.image,
    Cmd: args.cmd,
    User: `${args.uid}:${args.uid}`,
    WorkingDir: scratch.dir,
    Env: [`HOME=${scratch.dir}`, `TMPDIR=${scratch.dir}`],
    NetworkDisabled: true,
    Volumes: { [args.workDir]: {} },
    HostConfig: buildHardenedHostConfig({ limits: args.limits, tmpfs: { [scratch.dir]: scratchTmpfs(args.uid, scratch.sizeMb) } }),
  };
}
