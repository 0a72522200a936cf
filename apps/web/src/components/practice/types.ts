import type { AppRouter } from "@academy/api";
import { gradingReportSchema } from "@academy/sandbox/contract";
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

/** The stored report is untyped JSON: only a valid version 1 report is rendered. */
export function readReport(value: unknown): GradingReport | null {
  const parsed = gradingReportSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
