import { PassThrough } from "node:stream";
import type Docker from "dockerode";

import { GradingUnavailableError } from "../errors";
import type { ContainerSlot } from "./container-spec";

/** A started grading container whose supervisor has imported its stack, forked its two
 * children and is waiting for its job. Used for exactly one job, then removed. */
export type WarmContainer = {
  id: string;
  slot: ContainerSlot;
  container: Docker.Container;
  /** Settles when the container stops, whatever the reason. */
  exited: Promise<void>;
  /** Writes "go <length>" and the job (buildJobMessage) on the supervisor's stdin: the job starts. */
  sendJob(job: Buffer): void;
  /** The supervisor's report (JSON bytes), once it has written "done <length>" and the report on
   * its stdout (the container is still running). Rejects if the output ends first, or is not that. */
  whenDone(): Promise<Buffer>;
  remove(): Promise<void>;
};

// Outside the report, the supervisor prints short lines ("ready", "done <length>"); anything
// longer is not our supervisor.
const MAX_LINE_BYTES = 4096;
const DONE_LINE = /^done (\d+)$/;

/** A promise settled from outside, that reports no unhandled rejection while nobody awaits it yet. */
function settleLater<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * The supervisor's stdout: its "ready" line, then "done <length>" followed by that many bytes
 * of report. Nothing but the supervisor writes there (its children's output goes to pipes).
 */
export function readSupervisorOutput(stream: NodeJS.ReadWriteStream, docker: Docker, maxReportBytes: number) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stderr.resume();
  docker.modem.demuxStream(stream, stdout, stderr);
  let pending: Buffer = Buffer.alloc(0);
  let reportLength: number | null = null;
  // The report's chunks as they come, joined once: a report of megabytes arrives in many chunks.
  let reportChunks: Buffer[] = [];
  let reportBytes = 0;
  let endError: Error | undefined;
  const ready = settleLater<void>();
  const done = settleLater<Buffer>();
  let isReady = false;
  let report: Buffer | null = null;
  const finish = (error: Error) => {
    endError ??= error;
    if (!isReady) ready.reject(endError);
    if (!report) done.reject(endError);
  };
  const readLines = () => {
    for (;;) {
      if (reportLength !== null) {
        if (reportBytes < reportLength) return;
        const received = Buffer.concat(reportChunks, reportBytes);
        report = received.subarray(0, reportLength);
        pending = received.subarray(reportLength);
        reportChunks = [];
        reportLength = null;
        done.resolve(report);
        continue;
      }
      const newline = pending.indexOf(10);
      if (newline === -1) {
        if (pending.length > MAX_LINE_BYTES) finish(new Error("unexpected output from the container"));
        return;
      }
      const line = pending.subarray(0, newline).toString("utf8").trim();
      pending = pending.subarray(newline + 1);
      const reportHead = DONE_LINE.exec(line);
      if (line === "ready" && !isReady) {
        isReady = true;
        ready.resolve();
      } else if (reportHead && isReady && !report) {
        reportLength = Number(reportHead[1]);
        if (reportLength > maxReportBytes) return finish(new Error(`the report is larger than ${maxReportBytes} bytes`));
        reportChunks = [pending];
        reportBytes = pending.length;
      } else {
        return finish(new Error("unexpected output from the container"));
      }
    }
  };
  stdout.on("data", (chunk: Buffer) => {
    if (endError) return;
    if (reportLength !== null) {
      reportChunks.push(chunk);
      reportBytes += chunk.length;
    } else {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    }
    readLines();
  });
  stream.on("end", () => finish(new Error("the container closed its output")));
  stream.on("error", (error: Error) => finish(error));
  return { ready: ready.promise, done: done.promise };
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
  maxReportBytes: number;
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
    const output = readSupervisorOutput(stream, docker, args.maxReportBytes);
    await container.start();
    const exited = container.wait().then(
      () => undefined,
      () => undefined,
    );
    const stoppedEarly = exited.then(() => {
      throw new Error("the container stopped before it was ready");
    });
    await withTimeout(Promise.race([output.ready, stoppedEarly]), args.readySeconds * 1000, `not ready within ${args.readySeconds} s`);
    const input = stream;
    return {
      id: container.id,
      slot,
      container,
      exited,
      sendJob: (job) => void input.write(Buffer.concat([Buffer.from(`go ${job.length}\n`), job])),
      whenDone: () => output.done,
      remove,
    };
  } catch (error) {
    await remove();
    throw new GradingUnavailableError(`a grading container did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
