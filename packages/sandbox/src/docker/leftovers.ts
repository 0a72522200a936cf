import type Docker from "dockerode";

import { LEFTOVER_AGE_MS } from "../config/limits";
import { GRADER_LABEL, GRADING_ID_LABEL } from "./labels";

/** Removes grading containers left by a dead grader: labelled, and older than any live grading
 * can be (so graders sharing an engine never remove each other's running containers). */
export async function removeLeftoverContainers(options: {
  docker: Docker;
  olderThanMs?: number;
  /** Only the containers of this grading (e.g. after its worker crashed). */
  gradingId?: string;
}): Promise<number> {
  const olderThanMs = options.olderThanMs ?? LEFTOVER_AGE_MS;
  const label = [`${GRADER_LABEL}=1`, ...(options.gradingId ? [`${GRADING_ID_LABEL}=${options.gradingId}`] : [])];
  const containers = await options.docker.listContainers({ all: true, filters: { label } });
  const cutoff = Date.now() / 1000 - olderThanMs / 1000;
  const stale = containers.filter((c) => c.Created <= cutoff);
  await Promise.all(
    stale.map((c) => options.docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)),
  );
  return stale.length;
}
