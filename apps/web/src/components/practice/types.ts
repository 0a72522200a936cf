import type { AppRouter } from "@academy/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type WorkspaceExercise = Outputs["exercise"]["get"];
export type CatalogueEntry = Outputs["exercise"]["list"][number];
export type SubmissionDetail = Outputs["submission"]["get"];
export type SubmissionSummary = Outputs["submission"]["list"][number];
export type PracticeProgressData = Outputs["exercise"]["progress"];
export type SubmissionStatus = SubmissionDetail["status"];
/** The report as submission.get's output schema gives it: validated on the server, not parsed here again. */
export type GradingReport = NonNullable<SubmissionDetail["report"]>;
export type ErrorLocation = NonNullable<GradingReport["errorLocation"]>;
export type EditorFile = { name: string; content: string };

/**
 * An error with no stored report: the grader never ran the learner's code (its infrastructure
 * failed after the queue's retries). A stored report means the code ran, so an error in it is
 * the learner's own (a syntax or import error, an app that did not start).
 */
export function isGraderFault(attempt: { status: SubmissionStatus; hasReport: boolean }): boolean {
  return attempt.status === "error" && !attempt.hasReport;
}
