import { describe, expect, it } from "vitest";

import type { ContainerOutcome } from "../docker/run-container";
import { summarizeRun } from "./summarize-run";

const context = { timeoutSeconds: 10, memoryMb: 256, outputKib: 64, learnerFiles: ["main.py", "models.py"] };
const collected = {
  event: "collected",
  tests: [
    { name: "test_a", visibility: "visible" },
    { name: "test_b", visibility: "hidden" },
  ],
};
const passed = (name: string, visibility = "visible") => ({ event: "test", name, visibility, status: "passed", durationMs: 3, message: null });

function outcome(report: object | null, extra: Partial<ContainerOutcome> = {}): ContainerOutcome {
  const runnerReport = report === null ? null : Buffer.from(JSON.stringify({ version: 1, ...report }));
  return { runnerReport, killedAtDeadline: false, oomKilled: false, exitCode: 0, containerMs: 100, ...extra };
}

describe("summarizeRun", () => {
  it("passes when every collected test passed", () => {
    const run = summarizeRun(outcome({ events: [collected, passed("test_a"), passed("test_b", "hidden")] }), context);
    expect(run.status).toBe("passed");
    expect(run.tests.map((t) => t.status)).toEqual(["passed", "passed"]);
  });

  it("reports collected tests that never finished, and a timeout", () => {
    const run = summarizeRun(outcome({ events: [collected, passed("test_a")], timedOut: true }), context);
    expect(run.status).toBe("timeout");
    expect(run.tests[1]).toMatchObject({ name: "test_b", status: "error", message: "did not finish: the run took longer than 10 s" });
    expect(run.explanations).toContain("Your code took longer than 10 s, the time limit of this exercise, and was stopped.");
    expect(run.hasFinishedFailure).toBe(false);
  });

  it("drops malformed events", () => {
    const events = [collected, passed("test_a"), { event: "test", name: 5 }, "junk", null];
    const run = summarizeRun(outcome({ events }), context);
    expect(run.tests.map((t) => t.status)).toEqual(["passed", "error"]);
  });

  it("counts nothing when lines without the job's signature reached the results (forged by learner code)", () => {
    const failed = { ...passed("test_b", "hidden"), status: "failed", message: "no" };
    const run = summarizeRun(outcome({ events: [collected, passed("test_a"), failed], forgedLines: 3 }), context);
    expect(run.status).toBe("error");
    expect(run.tests.map((t) => [t.status, t.message])).toEqual([
      ["error", "not counted: your code wrote to the test results"],
      ["failed", "no"],
    ]);
    expect(run.explanations).toEqual(["Your code wrote 3 lines into the test runner's results, so no test counts."]);
    expect(run.hasFinishedFailure).toBe(false); // a write-tests mutant run interfered with catches nothing
  });

  it("counts nothing when a test is reported twice (the runner sends one result per test)", () => {
    const events = [collected, { ...passed("test_b", "hidden"), status: "failed" }, passed("test_b", "hidden"), passed("test_a")];
    const run = summarizeRun(outcome({ events }), context);
    expect(run.status).toBe("error");
    expect(run.tests.map((t) => t.status)).toEqual(["error", "failed"]);
    expect(run.explanations[0]).toMatch(/two results for test_b: your code sent results itself/);
  });

  it("is an error, in the learner's terms, when the app never started, with where it failed", () => {
    const appFailure = { kind: "syntax", message: "SyntaxError in main.py, line 3: invalid syntax", beforeReady: true, location: { file: "main.py", line: 3 } };
    const run = summarizeRun(outcome({ appFailure }), context);
    expect(run.status).toBe("error");
    expect(run.explanations[0]).toBe("Your code could not be run: SyntaxError in main.py, line 3: invalid syntax");
    expect(run.errorLocation).toEqual({ file: "main.py", line: 3 });
  });

  it("takes the location of a test module that could not import the learner's code (in-process)", () => {
    const collectError = { event: "collect-error", file: "test_visible.py", visibility: "visible", message: "importing main.py raised KeyError (models.py, line 7)" };
    const run = summarizeRun(outcome({ events: [{ ...collectError, location: { file: "models.py", line: 7 } }] }), context);
    expect(run.status).toBe("error");
    expect(run.errorLocation).toEqual({ file: "models.py", line: 7 });
    expect(summarizeRun(outcome({ events: [collectError] }), context).errorLocation).toBeNull();
  });

  it.each([
    ["a file the learner did not submit", { file: "conftest.py", line: 2 }],
    ["a line that is no line", { file: "main.py", line: 0 }],
    ["no location at all", "main.py:3"],
  ])("has no error location for %s", (_what, location) => {
    const appFailure = { kind: "exception", message: "importing main.py raised ValueError", beforeReady: true, location };
    const run = summarizeRun(outcome({ appFailure }), context);
    expect(run.status).toBe("error");
    expect(run.errorLocation).toBeNull();
  });

  it("has no error location unless the code could not run", () => {
    const appFailure = { kind: "crashed", message: "it exited with code 1", beforeReady: false, location: { file: "main.py", line: 9 } };
    const run = summarizeRun(outcome({ events: [collected, passed("test_a"), passed("test_b", "hidden")], appFailure }), context);
    expect(run.status).toBe("passed");
    expect(run.errorLocation).toBeNull();
  });

  it("explains memory exhaustion and truncated output", () => {
    const appFailure = { kind: "oom", message: "ran out of memory (limit 256 MB)", beforeReady: false };
    const run = summarizeRun(outcome({ events: [collected, passed("test_a")], appFailure, outputTruncated: true, output: "x" }), context);
    expect(run.oomKilled).toBe(true);
    expect(run.status).toBe("failed");
    expect(run.explanations).toEqual([
      "Your app ran out of memory (limit 256 MB).",
      "Output was truncated: only the first 64 KiB are kept.",
    ]);
  });

  it("counts nothing once the runner reports tampering", () => {
    const run = summarizeRun(outcome({ events: [collected, passed("test_a"), passed("test_b", "hidden"), { event: "tampered", what: ["Function.runtest"] }] }), context);
    expect(run.status).toBe("error");
    expect(run.tests.every((t) => t.status === "error")).toBe(true);
  });

  it("is an error without a readable report, a timeout when killed at the deadline", () => {
    expect(summarizeRun(outcome(null), context).status).toBe("error");
    expect(summarizeRun(outcome({ broken: true, version: 2 }), context).status).toBe("error");
    expect(summarizeRun(outcome(null, { killedAtDeadline: true }), context).status).toBe("timeout");
  });

  it("is an error when no test ran", () => {
    const run = summarizeRun(outcome({ events: [] }), context);
    expect(run.status).toBe("error");
    expect(run.explanations).toContain("No test ran.");
  });
});
