import { describe, expect, it } from "vitest";

import { buildImplementReport, buildWriteTestsReport } from "./build-report";
import type { RunSummary } from "./summarize-run";
import type { TestResult } from "./schema";

const test = (name: string, status: TestResult["status"], visibility: TestResult["visibility"] = "hidden"): TestResult => ({
  name,
  visibility,
  status,
  durationMs: 5,
  message: status === "passed" ? null : "nope",
});

function run(tests: TestResult[], extra: Partial<RunSummary> = {}): RunSummary {
  const failing = tests.some((t) => t.status === "failed" || t.status === "error");
  return {
    status: failing ? "failed" : "passed",
    tests,
    explanations: [],
    output: "",
    outputTruncated: false,
    timedOut: false,
    oomKilled: false,
    hasFinishedFailure: failing,
    errorLocation: null,
    testsMs: 20,
    containerMs: 300,
    ...extra,
  };
}

const common = { exerciseId: "hello", points: 10, scope: "all" as const, queuedMs: 4, totalMs: 900 };

describe("buildImplementReport", () => {
  it("scores points × passed / counted, rounded to hundredths, skipped tests aside", () => {
    const report = buildImplementReport(run([test("a", "passed"), test("b", "passed"), test("c", "failed"), test("d", "skipped")]), common);
    expect(report).toMatchObject({ version: 1, exerciseId: "hello", status: "failed", score: 6.67, maxScore: 10, scope: "all" });
    expect(report.timing).toEqual({ queuedMs: 4, containerMs: 300, testsMs: 20, totalMs: 900 });
  });

  it("puts explanations before the captured output", () => {
    const report = buildImplementReport(run([test("a", "passed")], { explanations: ["Why."], output: "printed" }), common);
    expect(report.output).toBe("Why.\n\nprinted");
  });

  it("scores nothing for visible-only runs", () => {
    const report = buildImplementReport(run([test("a", "passed", "visible")]), { ...common, scope: "visible-only" });
    expect(report).toMatchObject({ score: 0, maxScore: 0, status: "passed", scope: "visible-only" });
  });
});

describe("buildWriteTestsReport", () => {
  const learnerTests = [test("test_a", "passed", "visible")];
  const caught = run([test("test_a", "failed", "visible")]);
  const missed = run([test("test_a", "passed", "visible")]);

  it("scores the share of mutants caught, one entry per mutant", () => {
    const report = buildWriteTestsReport(run(learnerTests), [{ name: "m1", run: caught }, { name: "m2", run: missed }], common);
    expect(report.score).toBe(5);
    expect(report.status).toBe("failed");
    expect(report.tests.slice(1)).toEqual([
      { name: "mutant:m1", visibility: "hidden", status: "passed", durationMs: 5, message: null },
      expect.objectContaining({ name: "mutant:m2", status: "failed" }),
    ]);
  });

  it("scores 0 when the learner's tests fail on app/", () => {
    const report = buildWriteTestsReport(run([test("test_a", "failed", "visible")]), [{ name: "m1", run: caught }], common);
    expect(report.score).toBe(0);
    expect(report.output).toContain("must all pass against the reference app");
  });

  it("passes with every mutant caught", () => {
    const report = buildWriteTestsReport(run(learnerTests), [{ name: "m1", run: caught }], common);
    expect(report).toMatchObject({ status: "passed", score: 10 });
  });
});
