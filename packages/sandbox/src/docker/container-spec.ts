import type Docker from "dockerode";

import { APP_UID, TESTER_UID, type GradingJob } from "../archive/grading-bundle";
import type { SandboxLimits } from "../config/limits";
import { EXERCISE_LABEL, GRADER_LABEL, GRADING_ID_LABEL } from "./labels";

const MIB = 1024 * 1024;

function scratchTmpfs(uid: number, sizeMb: number): string {
  // Owned by one user, mode 0700: the other users cannot list, read or write it. In memory,
  // so counted in the memory limit and never on the host's disk.
  return `rw,nosuid,nodev,noexec,size=${sizeMb}m,uid=${uid},gid=${uid},mode=0700`;
}

/** The hardened container of one grading job. */
export function buildContainerSpec(args: {
  image: string;
  job: GradingJob;
  limits: SandboxLimits;
  gradingId: string;
  exerciseId: string;
}): Docker.ContainerCreateOptions {
  const { image, job, limits } = args;
  const appUid = job.mode === "write-tests" ? APP_UID : job.learnerUid;
  const testsUid = job.mode === "process" ? TESTER_UID : job.learnerUid;
  return {
    Image: image,
    User: "0:0",
    WorkingDir: "/grader",
    Labels: { [GRADER_LABEL]: "1", [GRADING_ID_LABEL]: args.gradingId, [EXERCISE_LABEL]: args.exerciseId },
    NetworkDisabled: true,
    // An anonymous volume: with a read-only root filesystem, docker only accepts an archive into
    // a volume. Removed with the container (remove { v: true }).
    Volumes: { "/grader": {} },
    HostConfig: {
      NetworkMode: "none",
      ReadonlyRootfs: true,
      Tmpfs: {
        "/scratch/app": scratchTmpfs(appUid, limits.appScratchMb),
        "/scratch/tests": scratchTmpfs(testsUid, limits.testsScratchMb),
      },
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
      // The supervisor (root, the image's entry point) needs exactly two capabilities: SETUID and
      // SETGID, to start the app and pytest as two different unprivileged users, and to become a
      // user in order to kill all of that user's processes. Children lose them at setuid and
      // no-new-privileges stops any way back (setuid binaries, file capabilities).
      CapAdd: ["SETUID", "SETGID"],
      SecurityOpt: ["no-new-privileges"],
      // tini as PID 1 reaps orphans, so a learner's daemonised children cannot pile up as zombies.
      Init: true,
      LogConfig: { Type: "json-file", Config: { "max-size": `${limits.logKib}k`, "max-file": "1" } },
    },
  };
}
