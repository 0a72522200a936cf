import type { IncomingMessage } from "node:http";
import Docker from "dockerode";

import { GradingUnavailableError } from "../errors";

/** Longest a single engine call may take: far above a healthy engine's slowest (a forced remove
 * under load takes seconds), far below a job's expiry, so a frozen engine fails calls, not jobs. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

// Calls that last as long as a container does: waiting for its end, its event or log stream.
// Attach is bounded until the engine upgrades the connection; what follows is the container's stdio.
const LONG_LIVED_PATH = /\/(wait|events|logs|build|images\/create|images\/load)(\?|$)/;

/** A client for the engine at `socketPath`, DOCKER_HOST or the default socket, whose calls fail after `callTimeoutMs`. */
export function createDockerClient(options: { callTimeoutMs?: number; socketPath?: string } = {}): Docker {
  const docker = options.socketPath ? new Docker({ socketPath: options.socketPath }) : new Docker();
  const engine = options.socketPath ? `unix://${options.socketPath}` : describeEngine();
  limitCallDuration(docker.modem, options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS, engine);
  return docker;
}

function describeEngine(): string {
  return process.env.DOCKER_HOST ?? "unix:///var/run/docker.sock";
}

/**
 * Every request to the engine is aborted when it has not finished within `timeoutMs` (a
 * streamed response: until the stream ends; an attach: until the connection is upgraded),
 * with a GradingUnavailableError naming the call. dockerode itself waits forever on an engine
 * that accepts connections but does not answer (a frozen dockerd).
 */
function limitCallDuration(modem: Docker["modem"], timeoutMs: number, engine: string) {
  const dial = modem.dial.bind(modem);
  modem.dial = (options, callback) => {
    if (LONG_LIVED_PATH.test(options.path)) return dial(options, callback);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs).unref();
    const abortSignal = options.abortSignal ? AbortSignal.any([options.abortSignal, controller.signal]) : controller.signal;
    dial({ ...options, abortSignal }, (error, result) => {
      if (controller.signal.aborted) {
        const call = `${options.method ?? "GET"} ${options.path.split("?")[0]}`;
        return callback?.(new GradingUnavailableError(`the Docker engine at ${engine} did not answer ${call} within ${timeoutMs / 1000} s`), null);
      }
      const stream = options.isStream && !options.hijack ? (result as IncomingMessage | null) : null;
      if (stream) stream.once("close", () => clearTimeout(timer));
      else clearTimeout(timer);
      callback?.(error, result);
    });
  };
}

/** Fails with one clear line when no engine answers. */
export async function assertDockerEngine(docker: Docker, timeoutMs = 5000): Promise<void> {
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs).unref()),
    ]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GradingUnavailableError(`no Docker engine at ${describeEngine()} (${reason.split("\n")[0]})`);
  }
}
