import { PassThrough } from "node:stream";
import type Docker from "dockerode";

import { GradingUnavailableError } from "../errors";
import type { ContainerSlot } from "./container-spec";

/** A started grading container whose supervisor has imported its stack, forked its two
 * children and is waiting for "go". Used for exactly one job, then removed. */
export type WarmContainer = {
  id: string;
  slot: ContainerSlot;
  container: Docker.Container;
  /** Settles when the container stops, whatever the reason. */
  exited: Promise<void>;
  /** Starts the job already put into /grader. */
  sendGo(): void;
  /** Resolves when the supervisor has written its report (the container is still running). */
  whenDone(): Promise<void>;
  remove(): Promise<void>;
};

// The supervisor prints a few short lines ("ready", "done"); anything longer is not our supervisor.
const MAX_STDOUT_BYTES = 4096;

/** The supervisor's stdout, as lines: waitFor(line) resolves once that line has been printed
 * (before or after the call), and rejects if the output ends first. */
function readSupervisorLines(stream: NodeJS.ReadWriteStream, docker: Docker) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stderr.resume();
  docker.modem.demuxStream(stream, stdout, stderr);
  const seen = new Set<string>();
  const waiters = new Map<string, (error?: Error) => void>();
  let text = "";
  let endError: Error | undefined;
  const finish = (error: Error) => {
    endError ??= error;
    for (const [line, settle] of waiters) if (!seen.has(line)) settle(endError);
    waiters.clear();
  };
  stdout.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
    if (text.length > MAX_STDOUT_BYTES) return finish(new Error("unexpected output from the container"));
    const lines = text.split("\n");
    text = lines.pop() ?? "";
    for (const line of lines.map((l) => l.trim())) {
      seen.add(line);
      waiters.get(line)?.();
      waiters.delete(line);
    }
  });
  stream.on("end", () => finish(new Error("the container closed its output")));
  stream.on("error", (error: Error) => finish(error));
  return {
    waitFor: (line: string) =>
      new Promise<void>((resolve, reject) => {
        if (seen.has(line)) return resolve();
        if (endError) return reject(endError);
        waiters.set(line, (error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Creates, attaches and starts a container, and resolves once its supervisor is ready.
 * On any failure the container is removed and GradingUnavailableError thrown. */
export async function startWarmContainer(args: {
  docker: Docker;
  spec: Docker.ContainerCreateOptions;
  slot: ContainerSlot;
  readySeconds: number;
}): Promise<WarmContainer> {
  const { docker, spec, slot } = args;
  const container = await docker.createContainer(spec).catch((error: unknown) => {
    throw new GradingUnavailableError(`could not create a grading container: ${String(error)}`);
  });
  let stream: NodeJS.ReadWriteStream | undefined;
  const remove = async () => {
    (stream as unknown as { destroy?: () => void } | undefined)?.destroy?.();
    await container.remove({ force: true, v: true }).catch(() => undefined);
  };
  try {
    stream = await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true });
    const lines = readSupervisorLines(stream, docker);
    const ready = lines.waitFor("ready");
    ready.catch(() => undefined);
    await container.start();
    const exited = container.wait().then(
      () => undefined,
      () => undefined,
    );
    const stoppedEarly = exited.then(() => {
      throw new Error("the container stopped before it was ready");
    });
    await withTimeout(Promise.race([ready, stoppedEarly]), args.readySeconds * 1000, `not ready within ${args.readySeconds} s`);
    const input = stream;
    return {
      id: container.id,
      slot,
      container,
      exited,
      sendGo: () => void input.write("go\n"),
      whenDone: () => lines.waitFor("done"),
      remove,
    };
  } catch (error) {
    await remove();
    throw new GradingUnavailableError(`a grading container did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
