import { EventEmitter, once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

import type Docker from "dockerode";
import { assertDockerEngine } from "@academy/sandbox";

import type { Logger } from "./logger";

/** The engine stopped answering while a grading needed it: the job goes back to the queue. */
export class EngineUnavailableError extends Error {
  override name = "EngineUnavailableError";
}

type EngineState = "unknown" | "available" | "unavailable";

/** What a grading needs to know about the engine (the job handler's view of the monitor). */
export type EngineGuard = {
  /** Rejects with EngineUnavailableError as soon as the engine is taken as gone, whatever `work` does meanwhile. */
  guard<T>(work: Promise<T>): Promise<T>;
  isAnswering(): Promise<boolean>;
};

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15_000;

/**
 * Pings the engine every `checkEveryMs` (each ping may take as long). It is taken as gone after
 * `failuresBeforeLost` failed pings in a row (one, before it ever answered), then pinged again with
 * backoff until it answers. A frozen engine accepts connections and never answers: only the
 * timeout tells it from a slow one, hence more than one failure before in-flight gradings are dropped.
 */
export function createEngineMonitor(options: { docker: Docker; logger: Logger; checkEveryMs: number; failuresBeforeLost?: number }) {
  const { docker, logger, checkEveryMs } = options;
  const failuresBeforeLost = options.failuresBeforeLost ?? 2;
  const changes = new EventEmitter();
  changes.setMaxListeners(0);
  const stopping = new AbortController();
  let state: EngineState = "unknown";
  let reason = "the Docker engine has not been asked yet";
  let failures = 0;
  let retryMs = FIRST_RETRY_MS;

  const setState = (next: EngineState) => {
    if (next === state) return;
    state = next;
    changes.emit("state", next);
  };

  const check = async (): Promise<string | null> => {
    try {
      await assertDockerEngine(docker, checkEveryMs);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

  const markUnavailable = (why: string) => {
    reason = why;
    if (state === "unavailable") return;
    logger.warn({ msg: "Docker engine unavailable: no jobs are taken until it answers", reason: why });
    setState("unavailable");
  };

  const watch = async () => {
    while (!stopping.signal.aborted) {
      const problem = await check();
      if (problem === null) {
        failures = 0;
        retryMs = FIRST_RETRY_MS;
        if (state === "unavailable") logger.info({ msg: "Docker engine answers again" });
        setState("available");
      } else if (state === "unavailable" || state === "unknown" || ++failures >= failuresBeforeLost) {
        if (state === "unavailable") logger.info({ msg: "Docker engine still unavailable", reason: problem, retryInSeconds: retryMs / 1000 });
        markUnavailable(problem);
      }
      const pause = state === "unavailable" ? retryMs : checkEveryMs;
      if (state === "unavailable") retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
      await sleep(pause, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  };
  const watching = watch();

  /** Resolves when the engine is in `wanted` state (now or later), or when `signal` aborts. */
  const whenState = async (wanted: EngineState, signal: AbortSignal) => {
    while (state !== wanted && !signal.aborted) await once(changes, "state", { signal }).catch(() => undefined);
  };

  return {
    get isAvailable() {
      return state === "available";
    },
    get reason() {
      return reason;
    },
    whenAvailable: (signal: AbortSignal) => whenState("available", signal),
    whenUnavailable: (signal: AbortSignal) => whenState("unavailable", signal),
    /** A grading failed and the engine did not answer: stop taking jobs now rather than at the next ping. */
    markUnavailable,
    guard: <T>(work: Promise<T>): Promise<T> => {
      // The dropped grading may still fail later, once the engine answers: nobody waits for it then.
      work.catch(() => undefined);
      const lost = new AbortController();
      const onChange = (next: EngineState) => next === "unavailable" && lost.abort();
      changes.on("state", onChange);
      const whenLost = once(lost.signal, "abort").then(() => {
        throw new EngineUnavailableError(`the Docker engine stopped answering during the grading (${reason})`);
      });
      whenLost.catch(() => undefined);
      return Promise.race([work, whenLost]).finally(() => {
        changes.off("state", onChange);
        lost.abort();
      });
    },
    isAnswering: async () => (await check()) === null,
    stop: async () => {
      stopping.abort();
      await watching;
    },
  };
}

export type EngineMonitor = ReturnType<typeof createEngineMonitor>;
