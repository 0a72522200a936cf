import { z } from "zod";

const milliseconds = z.number().int().nonnegative();

export const testResultSchema = z.object({
  name: z.string(),
  visibility: z.enum(["visible", "hidden"]),
  status: z.enum(["passed", "failed", "error", "skipped"]),
  durationMs: milliseconds,
  /** Hidden tests: a one-line summary, never test source. Visible tests: pytest's fuller text. */
  message: z.string().nullable(),
});

/** The grading report, version 1 (exercise-format.md). `scope` is an optional extension:
 * "visible-only" marks a "Run visible tests" report, which counts for nothing. */
export const gradingReportSchema = z.object({
  version: z.literal(1),
  exerciseId: z.string(),
  status: z.enum(["passed", "failed", "error", "timeout"]),
  score: z.number().nonnegative(),
  maxScore: z.number().nonnegative(),
  tests: z.array(testResultSchema),
  output: z.string(),
  limits: z.object({ timedOut: z.boolean(), oomKilled: z.boolean(), outputTruncated: z.boolean() }),
  timing: z.object({ queuedMs: milliseconds, containerMs: milliseconds, testsMs: milliseconds, totalMs: milliseconds }),
  scope: z.enum(["all", "visible-only"]).optional(),
});

export type GradingReport = z.infer<typeof gradingReportSchema>;
export type TestResult = z.infer<typeof testResultSchema>;
