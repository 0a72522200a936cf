import type Docker from "dockerode";

import type { ContainerSource } from "../docker/container-pool";
import { GRADING_ID_LABEL, POOL_LABEL } from "../docker/labels";

/** Containers (running or not) labelled with this grading id. */
export async function countGradingContainers(docker: Docker, gradingId: string): Promise<number> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${GRADING_ID_LABEL}=${gradingId}`] } });
  return containers.length;
}

/** Ids of the containers (running or not) of one pool. */
export async function listPoolContainers(docker: Docker, poolId: string): Promise<string[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${POOL_LABEL}=${poolId}`] } });
  return containers.map((c) => c.Id);
}

/** The same source, recording the id of every container it hands out. */
export function recordContainers(source: ContainerSource) {
  const ids: string[] = [];
  const containers: ContainerSource = {
    acquire: async (mode) => {
      const warm = await source.acquire(mode);
      ids.push(warm.id);
      return warm;
    },
    release: (warm) => source.release(warm),
  };
  return { ids, containers };
}

/** How many of these containers still exist after waiting up to `timeoutMs` for their removal
 * (a pool removes used containers after the grading has its report). */
export async function countRemaining(docker: Docker, ids: string[], timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const existing = await docker.listContainers({ all: true, filters: { id: ids } });
    const remaining = existing.filter((c) => ids.includes(c.Id)).length;
    if (remaining === 0 || Date.now() > deadline) return remaining;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
