export { isConnectionLoss } from "./connection-loss";
export { countGradingJobsAhead, enqueueGradingJob, GRADING_QUEUE, gradingJobSchema, putBackGradingJob, startGradingQueue } from "./grading-queue";
export type { GradingJob, GradingQueue, QueueOptions } from "./grading-queue";
export { GRADING_PRIORITY } from "./grading-priority";
export type { GradingLane } from "./grading-priority";
