import type { GradingReport, SubmissionDetail } from "./types";

/** Which side a verdict is on: `grader-fault` is ours (no report: the code never ran), `code-error` the learner's. */
export type OutcomeKind = "passed" | "failed" | "timeout" | "code-error" | "grader-fault";
export type Outcome = { kind: OutcomeKind; headline: string; details: string[] };

function countTests(report: GradingReport) {
  const counted = report.tests.filter((test) => test.status !== "skipped");
  return { total: counted.length, failed: counted.filter((test) => test.status !== "passed").length };
}

/** The verdict in the learner's words, from the report's status, tests and limits. */
export function explainOutcome(submission: SubmissionDetail, report: GradingReport | null): Outcome {
  const details: string[] = [];
  if (submission.errorMessage) details.push(submission.errorMessage);
  if (!report) {
    return { kind: "grader-fault", headline: "This attempt was not graded: the grader failed, not your code.", details };
  }
  const isVisibleOnly = submission.mode === "run-visible" || report.scope === "visible-only";
  if (report.limits.oomKilled) details.push("Your code used more memory than the grader allows, so it was stopped. Look for data that grows without limit.");
  if (report.limits.timedOut) details.push("A test that did not finish is marked as an error: look for an endless loop or a request that waits forever.");
  if (isVisibleOnly) details.push("Only the visible tests ran, and this run is not scored: submit to be graded on the hidden tests too.");
  const { total, failed } = countTests(report);
  switch (report.status) {
    case "passed":
      return { kind: "passed", headline: `All ${total} ${total === 1 ? "test" : "tests"} passed.`, details };
    case "failed":
      return { kind: "failed", headline: `${failed} of ${total} ${total === 1 ? "test" : "tests"} failed. Each failing test below says what it expected.`, details };
    case "timeout":
      return {
        kind: "timeout",
        headline: "Your code took longer than this exercise's time limit and was stopped.",
        details: [...details, "If your code should be quick, the grader may just have been busy: submitting again is safe."],
      };
    case "error":
      return { kind: "code-error", headline: "Your code could not be run, so no test could pass. The reason is below.", details };
  }
}
