// The sandbox produces the report and owns its schema (exercise-format.md); the lifecycle adds what
// a stored one is, so the grader that stores it and the API that returns it use one type.
import { gradingReportSchema } from "@academy/sandbox/contract";
import { z } from "zod";

export { errorLocationSchema, gradingReportSchema, testResultSchema } from "@academy/sandbox/contract";
export type { ErrorLocation, GradingReport, TestResult } from "@academy/sandbox/contract";

/**
 * The submission's report column (untyped jsonb) read as a report, or null: null while pending and
 * when the grader never ran the code. Every report is validated before it is stored; one that does
 * not validate now (written by hand, or by an older contract) reads as none instead of failing the
 * page that shows its submission.
 */
export const storedReportSchema = z.unknown().pipe(gradingReportSchema.nullable().catch(null));
