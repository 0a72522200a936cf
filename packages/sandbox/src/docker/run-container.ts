import type Docker from "dockerode";

import { readFileFromTar } from "../archive/read-tar";

export type ContainerOutcome = {
  /** Raw /grader/out/report.json, or null when the supervisor never wrote it. */
  runnerReport: Buffer | null;
  killedAtDeadline: boolean;
  oomKilled: boolean;
  exitCode: number | null;
  containerMs: number;
};

type RunArgs = {
  docker: Docker;
  spec: Docker.ContainerCreateOptions;
  archive: Buffer;
  /** Hard limit from start; the supervisor inside stops itself earlier. */
  killAfterMs: number;
  maxReportBytes: number;
};

async function waitOrKill(container: Docker.Container, killAfterMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), killAfterMs);
  });
  const exited = container.wait().then(() => "exited" as const);
  const first = await Promise.race([exited, deadline]);
  clearTimeout(timer);
  if (first === "exited") return false;
  await container.kill({ signal: "SIGKILL" }).catch(() => undefined);
  await exited.catch(() => undefined);
  return true;
}

/** The container's whole life, in one place: create → put archive → start → wait (with the
 * deadline) → get archive → remove, the removal in a finally whatever happened. */
export async function runGradingContainer({ docker, spec, archive, killAfterMs, maxReportBytes }: RunArgs): Promise<ContainerOutcome> {
  const container = await docker.createContainer(spec);
  try {
    await container.putArchive(archive, { path: "/grader" });
    const startedAt = performance.now();
    await container.start();
    const killedAtDeadline = await waitOrKill(container, killAfterMs);
    const containerMs = Math.round(performance.now() - startedAt);
    const state = (await container.inspect()).State;
    const tar = await container.getArchive({ path: "/grader/out/report.json" }).catch(() => null);
    const runnerReport = tar ? await readFileFromTar(tar, "report.json", maxReportBytes) : null;
    return { runnerReport, killedAtDeadline, oomKilled: state.OOMKilled, exitCode: state.ExitCode ?? null, containerMs };
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}
