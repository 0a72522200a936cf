import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { createDockerClient } from "@academy/sandbox";

import { waitFor } from "./grader-process";

/**
 * A Docker engine of the test's own (its socket, data, exec root, pid file and containerd), so a
 * test can stop, start, freeze and thaw it while the machine's engine, which others use, runs on.
 * It runs in a network namespace of its own: with `--bridge none` dockerd deletes any `docker0`
 * it sees, and the machine's engine needs its own.
 */
export async function startSecondEngine() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "academy-engine-"));
  const socket = path.join(dir, "docker.sock");
  const logFile = path.join(dir, "dockerd.log");
  const dockerHost = `unix://${socket}`;
  const docker = createDockerClient({ socketPath: socket });
  let daemon: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const isAnswering = () => docker.ping().then(() => true, () => false);
  const start = async () => {
    const log = openSync(logFile, "a");
    // `unshare` execs dockerd: the child's pid is the engine's.
    daemon = spawn(
      "unshare",
      [
        "--net",
        "--",
        "dockerd",
        `--host=${dockerHost}`,
        `--data-root=${path.join(dir, "data")}`,
        `--exec-root=${path.join(dir, "exec")}`,
        `--pidfile=${path.join(dir, "docker.pid")}`,
        "--bridge=none",
        "--iptables=false",
        "--ip-masq=false",
        "--ip-forward=false",
      ],
      { stdio: ["ignore", log, log] },
    );
    const child = daemon;
    exited = new Promise((resolve) => child.once("exit", () => resolve()));
    await waitFor(isAnswering, 60_000, `the second Docker engine to answer (log: ${logFile})`);
  };
  const signal = (name: NodeJS.Signals) => {
    if (daemon?.exitCode === null && daemon.signalCode === null) daemon.kill(name);
  };
  /** Stops the engine as an operator would (its containers stop with it); start() brings it back with its images. */
  const stop = async () => {
    signal("SIGCONT");
    signal("SIGTERM");
    const isStopped = await Promise.race([exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000))]);
    if (!isStopped) {
      signal("SIGKILL");
      await exited;
    }
    daemon = undefined;
  };
  // Should the test process end without its afterAll, the engine does not outlive it.
  const killOnExit = () => signal("SIGKILL");
  process.once("exit", killOnExit);

  await start();
  return {
    dockerHost,
    socketPath: socket,
    docker,
    start,
    stop,
    /** SIGSTOP: the engine keeps its socket and accepts connections, and answers nothing. */
    freeze: () => signal("SIGSTOP"),
    thaw: () => signal("SIGCONT"),
    /** Copies an image from the machine's engine (~224 MB in about 10 s). */
    loadImage: async (tag: string) => {
      const script = `docker save "$0" | DOCKER_HOST="$1" docker load -q`;
      await promisify(execFile)("bash", ["-o", "pipefail", "-c", script, tag, dockerHost]).catch((error: { stderr?: string }) => {
        throw new Error(`could not load ${tag} into the second engine: ${error.stderr ?? String(error)}`);
      });
    },
    log: () => readFileSync(logFile, "utf8"),
    /** Stops the engine and removes everything it had. */
    remove: async () => {
      await stop();
      process.off("exit", killOnExit);
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch (error) {
        // Only after a SIGKILL can mounts of its containers remain; the engine itself is gone.
        console.warn(`could not remove ${dir} entirely: ${String(error)}`);
      }
    },
  };
}

export type SecondEngine = Awaited<ReturnType<typeof startSecondEngine>>;
