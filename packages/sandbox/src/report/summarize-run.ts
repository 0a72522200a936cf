import type { ContainerOutcome } from "../docker/run-container";
import { parseRunnerReport, splitEvents, type RunnerEvents, type RunnerReport } from "./runner-report";
import type { ErrorLocation, GradingReport, TestResult } from "./schema";

export type RunSummary = {
  status: GradingReport["status"];
  tests: TestResult[];
  explanations: string[];
  output: string;
  outputTruncated: boolean;
  timedOut: boolean;
  oomKilled: boolean;
  /** A test that ran to its end failed (tests cut short by the deadline do not count). */
  hasFinishedFailure: boolean;
  /** Status error only: the submitted file and line that kept the code from running, when the runner knew it. */
  errorLocation: ErrorLocation | null;
  testsMs: number;
  containerMs: number;
};

export type RunContext = {
  timeoutSeconds: number;
  memoryMb: number;
  outputKib: number;
  /** The names of the files the learner submitted: an error location elsewhere is none of theirs. */
  learnerFiles: string[];
  /** Test names read from the test files, used when pytest collected nothing before the run ended. */
  expectedTests?: { name: string; visibility: "visible" | "hidden" }[];
};

function readRunner(raw: Buffer | null): RunnerReport | null {
  if (raw === null) return null;
  try {
    return parseRunnerReport(raw);
  } catch {
    return null;
  }
}

function explainAppFailure(failure: NonNullable<RunnerReport["appFailure"]>, memoryMb: number): string {
  switch (failure.kind) {
    case "syntax":
      return `Your code could not be run: ${failure.message}`;
    case "no-app":
      return `Your code could not be run: ${failure.message}`;
    case "exception":
      return `Your app could not start: ${failure.message}`;
    case "oom":
      return `Your app ran out of memory (limit ${memoryMb} MB)${failure.beforeReady ? " while starting" : ""}.`;
    default:
      return failure.beforeReady
        ? `Your app stopped before it was ready: ${failure.message}.`
        : `Your app stopped during the tests: ${failure.message}.`;
  }
}

function orderTests(runner: RunnerReport, timedOut: boolean, context: RunContext): TestResult[] {
  const events = splitEvents(runner.events);
  // Cut short before pytest collected anything: name the tests from their files.
  const isCutShort = timedOut && events.collected.length === 0 && events.tests.length === 0;
  const collected = isCutShort ? (context.expectedTests ?? []) : events.collected;
  const key = (t: { name: string; visibility: string }) => `${t.visibility}:${t.name}`;
  const finished = new Map(events.tests.map(({ event: _event, ...test }) => [key(test), test]));
  const unfinishedMessage = timedOut
    ? `did not finish: the run took longer than ${context.timeoutSeconds} s`
    : "did not finish: the test run stopped early";
  const ordered: TestResult[] = collected.map(
    (test) => finished.get(key(test)) ?? { ...test, status: "error", durationMs: 0, message: unfinishedMessage },
  );
  const collectedKeys = new Set(collected.map(key));
  for (const [testKey, test] of finished) if (!collectedKeys.has(testKey)) ordered.push(test);
  return ordered;
}

function findErrorLocation(runner: RunnerReport, collectErrors: RunnerEvents["collectErrors"], learnerFiles: string[]): ErrorLocation | null {
  const candidates = [runner.appFailure?.location, ...collectErrors.map((error) => error.location)];
  return candidates.find((location) => location && learnerFiles.includes(location.file)) ?? null;
}

/** Learner code that reached the test run itself: then no test counts. */
function describeInterference(tampered: string[], forgedLines: number, reportedTwice: string[]) {
  if (tampered.length > 0) {
    return { reason: "your code changed the test runner", explanation: `Your code changed the test runner (${tampered.join(", ")}), so no test counts.` };
  }
  if (forgedLines > 0) {
    return {
      reason: "your code wrote to the test results",
      explanation: `Your code wrote ${forgedLines === 1 ? "a line" : `${forgedLines} lines`} into the test runner's results, so no test counts.`,
    };
  }
  if (reportedTwice.length > 0) {
    return {
      reason: "your code sent test results",
      explanation: `The test runner received two results for ${reportedTwice.slice(0, 3).join(", ")}: your code sent results itself, so no test counts.`,
    };
  }
  return null;
}

/** Turns one container's outcome into test results, a status and learner-readable explanations. */
export function summarizeRun(outcome: ContainerOutcome, context: RunContext): RunSummary {
  const runner = readRunner(outcome.runnerReport);
  const timedOut = outcome.killedAtDeadline || (runner?.timedOut ?? false);
  const base = { timedOut, testsMs: runner?.testsMs ?? 0, containerMs: outcome.containerMs };
  const timeoutLine = `Your code took longer than ${context.timeoutSeconds} s, the time limit of this exercise, and was stopped.`;
  if (runner === null || runner.internalError !== undefined) {
    return {
      ...base,
      status: timedOut ? "timeout" : "error",
      tests: timedOut
        ? (context.expectedTests ?? []).map((t) => ({
            ...t,
            status: "error" as const,
            durationMs: 0,
            message: `did not finish: the run took longer than ${context.timeoutSeconds} s`,
          }))
        : [],
      explanations: [timedOut ? timeoutLine : "The grader could not finish this run (an internal problem, not your code). Please try again."],
      output: "",
      outputTruncated: false,
      oomKilled: outcome.oomKilled,
      hasFinishedFailure: false,
      errorLocation: null,
    };
  }
  const { collectErrors, tests: finished, tampered, reportedTwice } = splitEvents(runner.events);
  const interference = describeInterference(tampered, runner.forgedLines, reportedTwice);
  const tests = orderTests(runner, timedOut, context).map((test) =>
    interference && test.status === "passed" ? { ...test, status: "error" as const, message: `not counted: ${interference.reason}` } : test,
  );
  // A run that was interfered with catches no mutant either (write-tests).
  const hasFinishedFailure = !interference && finished.some((t) => t.status === "failed" || t.status === "error");
  const failure = runner.appFailure;
  const oomKilled = outcome.oomKilled || runner.oomKilled || failure?.kind === "oom";
  const explanations: string[] = [];
  if (interference) explanations.push(interference.explanation);
  if (failure) explanations.push(explainAppFailure(failure, context.memoryMb));
  for (const error of collectErrors) explanations.push(`${error.file}: ${error.message}`);
  if (oomKilled && failure?.kind !== "oom") explanations.push(`Your code ran out of memory (limit ${context.memoryMb} MB).`);
  if (timedOut) explanations.push(timeoutLine);
  if (runner.outputTruncated) explanations.push(`Output was truncated: only the first ${context.outputKib} KiB are kept.`);

  const counted = tests.filter((t) => t.status !== "skipped");
  let status: GradingReport["status"];
  if (timedOut) status = "timeout";
  else if ((failure?.beforeReady ?? false) || collectErrors.length > 0 || interference) status = "error";
  else if (counted.length === 0) {
    status = "error";
    explanations.push("No test ran.");
    const exit = runner.pytestExit;
    if (exit !== null && exit !== 0 && exit !== 1 && exit !== 5) explanations.push(`The test run stopped unexpectedly (exit status ${exit}).`);
  } else status = counted.every((t) => t.status === "passed") ? "passed" : "failed";

  return {
    ...base,
    status,
    tests,
    explanations,
    output: runner.output,
    outputTruncated: runner.outputTruncated,
    oomKilled,
    hasFinishedFailure,
    errorLocation: status === "error" ? findErrorLocation(runner, collectErrors, context.learnerFiles) : null,
  };
}
