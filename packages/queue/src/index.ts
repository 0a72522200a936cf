export { enqueueGradingJob, GRADING_ENQUEUED_CHANNEL, GRADING_QUEUE, gradingJobSchema, startGradingQueue, SUBMISSION_STATUS_CHANNEL } from "./grading-queue";
export type { GradingJob, GradingQueue, QueueOptions, SqlExecutor } from "./grading-queue";
export { createStatusListener, encodeStatusEvent, notifySubmissionStatus } from "./status-listener";
export type { StatusEvent, StatusListener } from "./status-listener";
