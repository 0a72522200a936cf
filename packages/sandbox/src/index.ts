export { gradeSubmission, type GradeSubmissionOptions } from "./grade-submission";
export { ensureGraderImage, findGraderImage } from "./image/ensure-image";
export { computeGraderImageTag } from "./image/image-tag";
export { removeLeftoverContainers } from "./docker/leftovers";
export { createDockerClient, assertDockerEngine } from "./docker/client";
export { gradingReportSchema, testResultSchema, type GradingReport, type TestResult } from "./report/schema";
export { formatReport } from "./report/format-report";
export { validateSubmissionFiles, type SubmittedFile, type ValidFile } from "./submission/validate-files";
export { readSubmissionDir } from "./submission/read-submission-dir";
export { sandboxLimitsSchema, defaultLimits, type SandboxLimits } from "./config/limits";
export { SubmissionRejectedError, GradingUnavailableError, SeccompUnavailableError } from "./errors";
export { MilestoneNotFoundError } from "@academy/exercises";
export { assertSeccompEnforced } from "./docker/seccomp-check";
export { createContainerPool, type ContainerPool, type ContainerSource } from "./docker/container-pool";
// For checks that run other code in the grader image under the same hardening (the lesson code blocks).
export { buildScriptContainerSpec } from "./docker/container-spec";
export { buildTar, type TarEntry } from "./archive/build-tar";
export { readFileFromTar } from "./archive/read-tar";
