export { isConnectionLoss } from "./connection-loss";
export { enqueueGradingJob, GRADING_QUEUE, gradingJobSchema, putBackGradingJob, startGradingQueue } from "./grading-queue";
export type { GradingJob, GradingQueue, QueueOptions } from "./grading-queue";
