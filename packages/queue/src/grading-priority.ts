/**
 * pg-boss fetches the highest priority first, FIFO within one: an exam's grading never waits
 * behind practice, and a burst of regrades or previews never delays a learner's practice grading
 * by more than the one grading already running.
 */
export const GRADING_PRIORITY = { exam: 20, practice: 10, regrade: 0 } as const;
export type GradingLane = keyof typeof GRADING_PRIORITY;

/** The lane a job's priority stands for (a grader labels its metrics with it); an unknown priority is "other". */
export function laneOfPriority(priority: number): GradingLane | "other" {
  const lane = (Object.keys(GRADING_PRIORITY) as GradingLane[]).find((name) => GRADING_PRIORITY[name] === priority);
  return lane ?? "other";
}
