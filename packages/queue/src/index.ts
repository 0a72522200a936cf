export { isConnectionLoss } from "./connection-loss";
export {
  countGradingJobsAhead,
  deleteWaitingPreviewJobs,
  enqueueGradingJob,
  enqueuePreviewGradingJob,
  GRADING_QUEUE,
  gradingJobSchema,
  previewGradingJobSchema,
  putBackGradingJob,
  startGradingQueue,
} from "./grading-queue";
export type { GradingJob, GradingQueue, PreviewGradingJob, QueueOptions } from "./grading-queue";
export { GRADING_PRIORITY } from "./grading-priority";
export type { GradingLane } from "./grading-priority";
