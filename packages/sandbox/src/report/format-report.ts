import type { GradingReport } from "./schema";

const MARKS = { passed: "PASS", failed: "FAIL", error: "ERR ", skipped: "SKIP" } as const;

/** The report as text for a terminal (pnpm grade without --json). */
export function formatReport(report: GradingReport): string {
  const lines = [
    `${report.exerciseId}${report.milestone ? ` (milestone ${report.milestone})` : ""}: ${report.status.toUpperCase()}  score ${report.score}/${report.maxScore}` +
      (report.scope === "visible-only" ? "  (visible tests only, not scored)" : ""),
    "",
  ];
  for (const test of report.tests) {
    lines.push(`  ${MARKS[test.status]} ${test.name} (${test.visibility}, ${test.durationMs} ms)`);
    if (test.message) lines.push(...test.message.split("\n").map((line) => `       ${line}`));
  }
  if (report.output.trim()) lines.push("", "output:", report.output.trimEnd());
  const { containerMs, testsMs, totalMs } = report.timing;
  lines.push("", `container ${containerMs} ms, tests ${testsMs} ms, total ${totalMs} ms`);
  return lines.join("\n");
}
