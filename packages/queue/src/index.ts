export { isConnectionLoss } from "./connection-loss";
export {
  enqueueGradingJob,
  GRADING_ENQUEUED_CHANNEL,
  GRADING_QUEUE,
  gradingJobSchema,
  putBackGradingJob,
  startGradingQueue,
  SUBMISSION_STATUS_CHANNEL,
} from "./grading-queue";
export type { GradingJob, GradingQueue, QueueOptions, SqlExecutor } from "./grading-queue";
export { listenToChannel, type ChannelListener } from "./listen-channel";
export { consoleLogger, type QueueLogger } from "./queue-logger";
export { createStatusListener, encodeStatusEvent, notifySubmissionStatus } from "./status-listener";
export type { StatusEvent, StatusListener, WatchedEvent } from "./status-listener";
