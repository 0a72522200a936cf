export { DomainError } from "./domain-error";
export type { DomainErrorCode } from "./domain-error";

export { listInstructorCohorts } from "./cohort/list-instructor-cohorts";

export { getLearnerSummary } from "./dashboard/get-learner-summary";

export { getDraft } from "./draft/get-draft";
export { saveDraft } from "./draft/save-draft";
