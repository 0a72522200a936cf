import { readFileFromTar } from "../archive/read-tar";
import type { WarmContainer } from "./warm-container";

export type ContainerOutcome = {
  /** Raw /grader/out/report.json, or null when the supervisor never wrote it. */
  runnerReport: Buffer | null;
  killedAtDeadline: boolean;
  oomKilled: boolean;
  exitCode: number | null;
  containerMs: number;
};

type RunArgs = {
  warm: WarmContainer;
  archive: Buffer;
  /** Hard limit from "go"; the supervisor inside stops itself earlier. */
  killAfterMs: number;
  maxReportBytes: number;
};

type Ending = "done" | "exited" | "deadline";

/** Waits for the report ("done"), the container's end, or the deadline (then kills it). */
async function waitForEnding(warm: WarmContainer, killAfterMs: number): Promise<Ending> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Ending>((resolve) => {
    timer = setTimeout(() => resolve("deadline"), killAfterMs);
  });
  const done = warm.whenDone().then(
    () => "done" as const,
    () => new Promise<never>(() => undefined),
  );
  const ending = await Promise.race([done, warm.exited.then(() => "exited" as const), deadline]);
  clearTimeout(timer);
  if (ending === "deadline") {
    await warm.container.kill({ signal: "SIGKILL" }).catch(() => undefined);
    await warm.exited;
  }
  return ending;
}

/** The job's part of a container's life: put the job archive → go → wait for the report (with the
 * deadline) → get the report archive. The caller removes the container (ContainerSource.release). */
export async function runGradingContainer({ warm, archive, killAfterMs, maxReportBytes }: RunArgs): Promise<ContainerOutcome> {
  const { container } = warm;
  await container.putArchive(archive, { path: "/grader" });
  const startedAt = performance.now();
  warm.sendGo();
  const ending = await waitForEnding(warm, killAfterMs);
  const containerMs = Math.round(performance.now() - startedAt);
  // After "done" the container is still running: the supervisor's report has the OOM count.
  const state = ending === "done" ? { OOMKilled: false, ExitCode: null } : (await container.inspect()).State;
  const tar = await container.getArchive({ path: "/grader/out/report.json" }).catch(() => null);
  const runnerReport = tar ? await readFileFromTar(tar, "report.json", maxReportBytes) : null;
  return { runnerReport, killedAtDeadline: ending === "deadline", oomKilled: state.OOMKilled, exitCode: state.ExitCode ?? null, containerMs };
}
