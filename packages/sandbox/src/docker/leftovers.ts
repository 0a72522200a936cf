import type Docker from "dockerode";

import { EXITED_LEFTOVER_MS, LEFTOVER_AGE_MS } from "../config/limits";
import { GRADER_LABEL, GRADING_ID_LABEL } from "./labels";

const STOPPED = new Set(["exited", "dead"]);

async function finishedMsAgo(docker: Docker, id: string): Promise<number> {
  const { State } = await docker.getContainer(id).inspect();
  return Date.now() - Date.parse(State.FinishedAt);
}

/** Removes grading containers left by a dead grader, never one a live grader may still use:
 * a stopped one once its report has surely been read (exitedForMs), any other once it is older
 * than a live grading can be (olderThanMs), so graders sharing an engine spare each other's. */
export async function removeLeftoverContainers(options: {
  docker: Docker;
  olderThanMs?: number;
  exitedForMs?: number;
  /** Only the containers of this grading (e.g. after its worker crashed). */
  gradingId?: string;
}): Promise<number> {
  const olderThanMs = options.olderThanMs ?? LEFTOVER_AGE_MS;
  const exitedForMs = options.exitedForMs ?? EXITED_LEFTOVER_MS;
  const label = [`${GRADER_LABEL}=1`, ...(options.gradingId ? [`${GRADING_ID_LABEL}=${options.gradingId}`] : [])];
  const containers = await options.docker.listContainers({ all: true, filters: { label } });
  const cutoff = Date.now() / 1000 - olderThanMs / 1000;
  const isLeftover = async (c: Docker.ContainerInfo) =>
    c.Created <= cutoff || (STOPPED.has(c.State) && (await finishedMsAgo(options.docker, c.Id).catch(() => 0)) >= exitedForMs);
  const stale = (await Promise.all(containers.map(async (c) => ((await isLeftover(c)) ? [c] : [])))).flat();
  await Promise.all(
    stale.map((c) => options.docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)),
  );
  return stale.length;
}
