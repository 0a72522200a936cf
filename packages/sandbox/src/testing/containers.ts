import type Docker from "dockerode";

import { GRADING_ID_LABEL } from "../docker/labels";

/** Containers (running or not) labelled with this grading id. */
export async function countGradingContainers(docker: Docker, gradingId: string): Promise<number> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${GRADING_ID_LABEL}=${gradingId}`] } });
  return containers.length;
}
