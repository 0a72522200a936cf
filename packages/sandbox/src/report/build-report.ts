import type { RunSummary } from "./summarize-run";
import { gradingReportSchema, type GradingReport, type TestResult } from "./schema";

export type ReportScope = "all" | "visible-only";
type Common = { exerciseId: string; points: number; scope: ReportScope; queuedMs: number; totalMs: number; milestone?: string };

const round = (value: number) => Math.round(value * 100) / 100;

function composeOutput(explanations: string[], output: string): string {
  return [explanations.join("\n"), output].filter((part) => part.length > 0).join("\n\n");
}

function finish(common: Common, fields: Omit<GradingReport, "version" | "exerciseId" | "scope" | "timing" | "milestone"> & {
  containerMs: number;
  testsMs: number;
}): GradingReport {
  const { containerMs, testsMs, ...rest } = fields;
  return gradingReportSchema.parse({
    version: 1,
    exerciseId: common.exerciseId,
    ...rest,
    timing: { queuedMs: common.queuedMs, containerMs, testsMs, totalMs: common.totalMs },
    scope: common.scope,
    ...(common.milestone ? { milestone: common.milestone } : {}),
  });
}

/** kinds implement (both isolations): score = points × passed / tests run. */
export function buildImplementReport(run: RunSummary, common: Common): GradingReport {
  const counted = run.tests.filter((t) => t.status !== "skipped");
  const passed = counted.filter((t) => t.status === "passed").length;
  const isScored = common.scope === "all";
  return finish(common, {
    status: run.status,
    score: isScored && counted.length > 0 ? round((common.points * passed) / counted.length) : 0,
    maxScore: isScored ? common.points : 0,
    tests: run.tests,
    output: composeOutput(run.explanations, run.output),
    limits: { timedOut: run.timedOut, oomKilled: run.oomKilled, outputTruncated: run.outputTruncated },
    containerMs: run.containerMs,
    testsMs: run.testsMs,
    errorLocation: run.errorLocation,
  });
}

function isCaught(run: RunSummary): boolean {
  return run.hasFinishedFailure;
}

/** kind write-tests: the learner's tests must pass on app/; score = share of mutants caught × points. */
export function buildWriteTestsReport(app: RunSummary, mutants: { name: string; run: RunSummary }[], common: Common): GradingReport {
  const passesOnApp = app.status === "passed";
  const mutantTests: TestResult[] = mutants.map(({ name, run }) => ({
    name: `mutant:${name}`,
    visibility: "hidden",
    status: isCaught(run) ? "passed" : "failed",
    durationMs: run.tests.reduce((sum, t) => sum + t.durationMs, 0),
    message: isCaught(run) ? null : "no test failed on this mutant: the behaviour it breaks is not checked",
  }));
  const caught = mutantTests.filter((t) => t.status === "passed").length;
  const explanations = [...app.explanations];
  if (!passesOnApp && app.status === "failed") {
    explanations.push("Your tests must all pass against the reference app (app/); they did not, so the score is 0.");
  }
  if (mutants.length > 0) explanations.push(`Your tests caught ${caught} of ${mutants.length} mutants.`);
  const isScored = common.scope === "all";
  let status = app.status;
  if (status === "passed" && caught < mutants.length) status = "failed";
  const runs = [app, ...mutants.map((m) => m.run)];
  return finish(common, {
    status,
    score: isScored && passesOnApp && mutants.length > 0 ? round((common.points * caught) / mutants.length) : 0,
    maxScore: isScored ? common.points : 0,
    tests: [...app.tests, ...mutantTests],
    output: composeOutput(explanations, app.output),
    limits: {
      timedOut: app.timedOut,
      oomKilled: runs.some((r) => r.oomKilled),
      outputTruncated: app.outputTruncated,
    },
    containerMs: runs.reduce((sum, r) => sum + r.containerMs, 0),
    testsMs: runs.reduce((sum, r) => sum + r.testsMs, 0),
    // Only the run of the learner's tests on app/ runs their code as written; a mutant's error is the mutant's.
    errorLocation: app.errorLocation,
  });
}
