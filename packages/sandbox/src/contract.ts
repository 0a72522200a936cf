// The pure half of the package (no Docker, no files): safe to bundle into the web app.
export { errorLocationSchema, gradingReportSchema, testResultSchema, type ErrorLocation, type GradingReport, type TestResult } from "./report/schema";
export { validateSubmissionFiles, type SubmittedFile, type ValidFile } from "./submission/validate-files";
export { sandboxLimitsSchema, defaultLimits, type SandboxLimits } from "./config/limits";
export { SubmissionRejectedError } from "./errors";
