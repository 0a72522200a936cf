/** Postgres channel on which every change of a submission's status is announced (payload: a status event). */
export const SUBMISSION_STATUS_CHANNEL = "submission_status";
/** Postgres channel on which an enqueue wakes idle graders, so a job waits for no polling interval (no payload). */
export const GRADING_ENQUEUED_CHANNEL = "grading_enqueued";
/** Postgres channel on which an exam attempt's start and end are announced (payload: `{"examId","attemptId"}`), for the instructor's live roster. */
export const EXAM_ATTEMPT_CHANNEL = "exam_attempt";
/** Postgres channel on which a regrade preview's change (an item graded, the preview started, applied or discarded) is announced (payload: a preview event). */
export const REGRADE_PREVIEW_CHANNEL = "regrade_preview";
/** Postgres channel on which every change of a team's board, code or milestones is announced (payload: a team event), for its members' live views. */
export const TEAM_CHANNEL = "team_change";
