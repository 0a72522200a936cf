import type { AppRouter } from "@academy/api";
import { gradingReportSchema } from "@academy/sandbox/contract";
import type { GradingReport } from "@academy/sandbox/contract";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type WorkspaceExercise = Outputs["exercise"]["get"];
export type CatalogueEntry = Outputs["exercise"]["list"][number];
export type SubmissionDetail = Outputs["submission"]["get"];
export type SubmissionSummary = Outputs["submission"]["list"][number];
export type PracticeProgressData = Outputs["exercise"]["progress"];
export type SubmissionStatus = SubmissionDetail["status"];
export type EditorFile = { name: string; content: string };
export type { GradingReport };

const FINAL: ReadonlySet<SubmissionStatus> = new Set(["passed", "failed", "error", "timeout"]);

export function isFinalStatus(status: SubmissionStatus | undefined): boolean {
  return status !== undefined && FINAL.has(status);
}

/**
 * An error with no stored report: the grader never ran the learner's code (its infrastructure
 * failed after the queue's retries). A stored report means the code ran, so an error in it is
 * the learner's own (a syntax or import error, an app that did not start).
 */
export function isGraderFault(attempt: { status: SubmissionStatus; hasReport: boolean }): boolean {
  return attempt.status === "error" && !attempt.hasReport;
}

/** The stored report is untyped JSON: only a valid version 1 report is rendered. */
export function readReport(value: unknown): GradingReport | null {
  const parsed = gradingReportSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
