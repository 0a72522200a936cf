import { finished } from "node:stream/promises";

import type Docker from "dockerode";

import { waitFor } from "./grader-process";

// pytest's user and working directory in a "process" grading (packages/sandbox, grading-bundle and supervisor).
const TESTER_UID = "10002";
const HELD = "/scratch/tests/academy-held";
const RELEASED = "/scratch/tests/academy-released";
const EXEC_TIMEOUT_MS = 15_000;

/** Runs a shell line as pytest's user in a container; true when it exits 0. */
async function runAsTester(docker: Docker, containerId: string, script: string): Promise<boolean> {
  const exec = await docker.getContainer(containerId).exec({ Cmd: ["sh", "-c", script], User: TESTER_UID, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  stream.resume();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("exec did not end")), EXEC_TIMEOUT_MS)));
  try {
    await Promise.race([finished(stream), timeout]);
  } finally {
    clearTimeout(timer);
    (stream as { destroy?: () => void }).destroy?.();
  }
  return (await exec.inspect()).ExitCode === 0;
}

async function listRunningPoolContainers(docker: Docker): Promise<string[]> {
  const containers = await docker.listContainers({ filters: { label: ["academy.pool"], status: ["running"] } });
  return containers.map((c) => c.Id);
}

/**
 * The slow-greeting fixture's gradings wait in their container until released (its hidden
 * test): a test holds a grading in progress for as long as it needs, whatever the machine's speed.
 */
export function controlHeldGradings(docker: Docker) {
  const listHeld = async () => {
    const ids = await listRunningPoolContainers(docker);
    const held = await Promise.all(ids.map((id) => runAsTester(docker, id, `test -e ${HELD} && ! test -e ${RELEASED}`).catch(() => false)));
    return ids.filter((_, i) => held[i]);
  };
  const releaseAll = async () => {
    const ids = await listRunningPoolContainers(docker);
    await Promise.all(ids.map((id) => runAsTester(docker, id, `! test -e ${HELD} || touch ${RELEASED}`).catch(() => false)));
  };
  return {
    /** Resolves with the containers whose grading waits for its release. */
    waitUntilHeld: (timeoutMs: number) =>
      waitFor(
        async () => {
          const held = await listHeld();
          return held.length > 0 ? held : undefined;
        },
        timeoutMs,
        "a grading held in its container",
      ),
    /** Releases every held grading, now and as they come, until stopped. */
    keepReleasing: () => {
      let isStopped = false;
      const loop = (async () => {
        while (!isStopped) {
          await releaseAll().catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      return async () => {
        isStopped = true;
        await loop;
      };
    },
  };
}
