import type { AppRouter } from "@academy/api";
import type { GradingReport } from "@academy/sandbox/contract";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type WorkspaceExercise = Outputs["exercise"]["get"];
export type CatalogueEntry = Outputs["exercise"]["list"][number];
export type SubmissionDetail = Outputs["submission"]["get"];
export type SubmissionSummary = Outputs["submission"]["list"][number];
export type SubmissionStatus = SubmissionDetail["status"];
export type EditorFile = { name: string; content: string };
export type { GradingReport };

const FINAL: ReadonlySet<SubmissionStatus> = new Set(["passed", "failed", "error", "timeout"]);

export function isFinalStatus(status: SubmissionStatus | undefined): boolean {
  return status !== undefined && FINAL.has(status);
}

/** The stored report is untyped JSON: accept only version 1, the shape this panel knows. */
export function readReport(value: unknown): GradingReport | null {
  const report = value as Partial<GradingReport> | null;
  if (!report || report.version !== 1 || !Array.isArray(report.tests) || !report.limits) return null;
  return report as GradingReport;
}
