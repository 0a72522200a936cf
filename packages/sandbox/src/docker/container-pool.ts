import { randomInt, randomUUID } from "node:crypto";
import type Docker from "dockerode";

import type { RunMode } from "../archive/grading-bundle";
import type { SandboxLimits } from "../config/limits";
import { GradingUnavailableError } from "../errors";
import { buildContainerSpec, type ContainerSlot } from "./container-spec";
import { POOL_LABEL } from "./labels";
import { startWarmContainer, type WarmContainer } from "./warm-container";

/** Where a grading gets its container: started on demand, or taken from a pool of ready ones. */
export type ContainerSource = {
  acquire(mode: RunMode): Promise<WarmContainer>;
  /** Removes a container after its one job. */
  release(warm: WarmContainer): Promise<void>;
};

type SourceOptions = {
  docker: Docker;
  image: string;
  limits: SandboxLimits;
  /** Containers without the grading seccomp profile: only where assertSeccompEnforced failed and
   * GRADER_ALLOW_NO_SECCOMP allows it (an engine without seccomp refuses any profile). */
  isSeccompDisabled?: boolean;
  /** See buildContainerSpec. */
  cgroupParent?: string;
};

/** A uid no other grading on this host is likely to share, so RLIMIT_NPROC (counted per uid
 * across the host) caps this submission alone. */
function pickLearnerUid(): number {
  return randomInt(20_000, 60_000);
}

function startContainer(options: SourceOptions, mode: RunMode, labels: Record<string, string>) {
  const slot: ContainerSlot = { mode, learnerUid: pickLearnerUid() };
  const spec = buildContainerSpec({ image: options.image, slot, limits: options.limits, labels, isSeccompDisabled: options.isSeccompDisabled, cgroupParent: options.cgroupParent });
  return startWarmContainer({ docker: options.docker, spec, slot, readySeconds: options.limits.readySeconds, maxReportBytes: options.limits.maxReportKib * 1024 });
}

/** A container started for this grading alone, labelled with it (`pnpm grade`, tests). */
export function createOnDemandSource(options: SourceOptions & { labels: Record<string, string> }): ContainerSource {
  return { acquire: (mode) => startContainer(options, mode, options.labels), release: (warm) => warm.remove() };
}

type Waiter = { resolve: (warm: WarmContainer) => void; reject: (error: unknown) => void };

export type ContainerPool = ContainerSource & {
  /** The value of the academy.pool label on this pool's containers. */
  id: string;
  /** Ready containers per mode, for metrics and tests. */
  countReady(mode: RunMode): number;
  /** Resolves once every mode named at creation has its containers ready (or failed to start). */
  whenFilled(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Keeps `size` containers per run mode started and waiting for a job, so a grading skips the
 * container start and the imports of FastAPI and pytest. Each container still grades one job
 * only and is removed after it. `modes` are filled at once; another mode is pooled from its first
 * use. A spare unused for limits.poolIdleSeconds stops by itself and is replaced.
 */
export function createContainerPool(
  options: SourceOptions & { size: number; modes: RunMode[]; onError?: (error: unknown) => void },
): ContainerPool {
  const poolId = randomUUID();
  const labels = { [POOL_LABEL]: poolId };
  const ready = new Map<RunMode, WarmContainer[]>();
  const starting = new Map<RunMode, Set<Promise<void>>>();
  const waiting = new Map<RunMode, Waiter[]>();
  const removing = new Set<Promise<void>>();
  let isClosed = false;

  const listOf = <T>(map: Map<RunMode, T[]>, mode: RunMode) => map.get(mode) ?? map.set(mode, []).get(mode)!;
  const startingOf = (mode: RunMode) => starting.get(mode) ?? starting.set(mode, new Set()).get(mode)!;

  const keepUntilUsed = (mode: RunMode, warm: WarmContainer) => {
    listOf(ready, mode).push(warm);
    void warm.exited.then(async () => {
      const spares = listOf(ready, mode);
      const index = spares.indexOf(warm);
      if (index === -1) return;
      spares.splice(index, 1);
      await warm.remove();
      refill(mode);
    });
  };

  const addSpare = async (mode: RunMode) => {
    try {
      const warm = await startContainer(options, mode, labels);
      if (isClosed) return void (await warm.remove());
      const waiter = listOf(waiting, mode).shift();
      if (waiter) waiter.resolve(warm);
      else keepUntilUsed(mode, warm);
    } catch (error) {
      options.onError?.(error);
      listOf(waiting, mode).shift()?.reject(error);
    }
  };

  // Spares up to `size`, plus one on its way for every grading already waiting.
  function refill(mode: RunMode) {
    const inProgress = startingOf(mode);
    while (!isClosed && listOf(ready, mode).length + inProgress.size < options.size + listOf(waiting, mode).length) {
      const adding: Promise<void> = addSpare(mode).finally(() => inProgress.delete(adding));
      inProgress.add(adding);
    }
  }

  options.modes.forEach(refill);

  return {
    id: poolId,
    acquire: (mode) => {
      if (isClosed) return Promise.reject(new GradingUnavailableError("the container pool is closed"));
      const warm = listOf(ready, mode).shift();
      if (warm) return Promise.resolve(warm);
      const taken = new Promise<WarmContainer>((resolve, reject) => listOf(waiting, mode).push({ resolve, reject }));
      refill(mode);
      return taken;
    },
    // Removal is off the grading's path (the report is read already); close() waits for it.
    // The replacement starts only now, so it does not compete with the job for the CPU.
    release: (warm) => {
      const removal: Promise<void> = warm.remove().finally(() => removing.delete(removal));
      removing.add(removal);
      refill(warm.slot.mode);
      return Promise.resolve();
    },
    countReady: (mode) => listOf(ready, mode).length,
    whenFilled: async () => {
      await Promise.all(options.modes.flatMap((mode) => [...startingOf(mode)]));
    },
    close: async () => {
      isClosed = true;
      [...waiting.values()].flat().forEach((waiter) => waiter.reject(new GradingUnavailableError("the container pool is closed")));
      waiting.clear();
      await Promise.all([...starting.values()].flatMap((set) => [...set]));
      const spares = [...ready.values()].flat();
      ready.clear();
      await Promise.all([...spares.map((warm) => warm.remove()), ...removing]);
    },
  };
}
