import { withTimeout, type WarmContainer } from "./warm-container";

export type ContainerOutcome = {
  /** The supervisor's report (JSON bytes), or null when it never wrote one. */
  runnerReport: Buffer | null;
  killedAtDeadline: boolean;
  oomKilled: boolean;
  exitCode: number | null;
  containerMs: number;
};

type RunArgs = {
  warm: WarmContainer;
  /** buildJobMessage's bytes. */
  job: Buffer;
  /** Hard limit from "go"; the supervisor inside stops itself earlier. */
  killAfterMs: number;
};

type Ending = { kind: "done"; report: Buffer } | { kind: "exited" | "deadline" | "fault" };

/** Waits for the report ("done"), the container's end, the deadline (then kills it), or output
 * that is not the supervisor's protocol (then kills it too: no report will come). */
async function waitForEnding(warm: WarmContainer, killAfterMs: number): Promise<Ending> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Ending>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "deadline" }), killAfterMs);
  });
  const done = warm.whenDone().then(
    (report): Ending => ({ kind: "done", report }),
    (): Ending => ({ kind: "fault" }),
  );
  const exited = warm.exited.then(async (): Promise<Ending> => {
    // The report may have been framed just before the end: the output has ended, so this settles at once.
    const report = await withTimeout(warm.whenDone(), 5000, "no end of output").catch(() => null);
    return report ? { kind: "done", report } : { kind: "exited" };
  });
  const ending = await Promise.race([done, exited, deadline]);
  clearTimeout(timer);
  if (ending.kind === "deadline" || ending.kind === "fault") {
    await warm.container.kill({ signal: "SIGKILL" }).catch(() => undefined);
    await warm.exited;
  }
  return ending;
}

/** The job's part of a container's life: the job on stdin ("go") → wait for the report on stdout
 * ("done"), with the deadline. Two engine calls fewer than an archive in and an archive out, each
 * of which the engine serves by starting a helper process. The caller removes the container
 * (ContainerSource.release). */
export async function runGradingContainer({ warm, job, killAfterMs }: RunArgs): Promise<ContainerOutcome> {
  const startedAt = performance.now();
  warm.sendJob(job);
  const ending = await waitForEnding(warm, killAfterMs);
  const containerMs = Math.round(performance.now() - startedAt);
  if (ending.kind === "done") return { runnerReport: ending.report, killedAtDeadline: false, oomKilled: false, exitCode: null, containerMs };
  // With a report, the supervisor counted OOM kills itself; without one, the engine says what ended the container.
  const { State: state } = await warm.container.inspect();
  return { runnerReport: null, killedAtDeadline: ending.kind === "deadline", oomKilled: state.OOMKilled, exitCode: state.ExitCode ?? null, containerMs };
}
