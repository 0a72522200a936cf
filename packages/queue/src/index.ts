export { isConnectionLoss } from "./connection-loss";
export {
  countGradingJobsAhead,
  deleteWaitingPreviewJobs,
  enqueueGradingJob,
  enqueuePreviewGradingJob,
  findGradingPlace,
  GRADING_QUEUE,
  gradingJobSchema,
  previewGradingJobSchema,
  putBackGradingJob,
  readGradingPace,
  requestIdSchema,
  startGradingQueue,
} from "./grading-queue";
export type { GradingJob, GradingQueue, PreviewGradingJob, QueueOptions } from "./grading-queue";
export { GRADING_PRIORITY, laneOfPriority } from "./grading-priority";
export type { GradingLane } from "./grading-priority";
