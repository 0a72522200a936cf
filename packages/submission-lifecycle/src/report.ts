// The sandbox produces the report and owns its schema (exercise-format.md); the lifecycle adds what
// a stored one is, so the grader that stores it and the API that returns it use one type.
import { gradingReportSchema } from "@academy/sandbox/contract";

export { errorLocationSchema, gradingReportSchema, testResultSchema } from "@academy/sandbox/contract";
export type { ErrorLocation, GradingReport, TestResult } from "@academy/sandbox/contract";

/** The submission's report column: a report, or null while pending and when the grader never ran the code. */
export const storedReportSchema = gradingReportSchema.nullable();
