// The submission statuses and which of them are final. Pure (the enum's values, no connection):
// the web app imports this file into the browser through `@academy/submission-lifecycle/statuses`.
import { submissionStatus } from "@academy/db/enums";

export const SUBMISSION_STATUSES = submissionStatus.enumValues;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

// A record, not a list: a status added to the enum fails the typecheck until it is placed here.
const IS_FINAL = {
  queued: false,
  running: false,
  passed: true,
  failed: true,
  error: true,
  timeout: true,
} as const satisfies Record<SubmissionStatus, boolean>;

export type PendingStatus = { [S in SubmissionStatus]: (typeof IS_FINAL)[S] extends false ? S : never }[SubmissionStatus];
export type FinalStatus = Exclude<SubmissionStatus, PendingStatus>;

/** Ended: the grader wrote its last word on the submission, and nothing changes it any more. */
export const FINAL_STATUSES: ReadonlySet<FinalStatus> = new Set(SUBMISSION_STATUSES.filter((status): status is FinalStatus => IS_FINAL[status]));
/** Still to be graded: the learner waits, may not submit that exercise again, and the sweep watches it. */
export const PENDING_STATUSES: ReadonlySet<PendingStatus> = new Set(SUBMISSION_STATUSES.filter((status): status is PendingStatus => !IS_FINAL[status]));

export function isFinalStatus(status: string | null | undefined): status is FinalStatus {
  return FINAL_STATUSES.has(status as FinalStatus);
}

export function isPendingStatus(status: string | null | undefined): status is PendingStatus {
  return PENDING_STATUSES.has(status as PendingStatus);
}
