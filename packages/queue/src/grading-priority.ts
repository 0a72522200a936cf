/**
 * pg-boss fetches the highest priority first, FIFO within one: an exam's grading never waits
 * behind practice, and a burst of regrades or previews never delays a learner's practice grading
 * by more than the one grading already running.
 */
export const GRADING_PRIORITY = { exam: 20, practice: 10, regrade: 0 } as const;
export type GradingLane = keyof typeof GRADING_PRIORITY;
