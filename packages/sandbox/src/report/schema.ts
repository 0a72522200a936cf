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

/** Where the learner's code failed to load: one of the submitted files and a line in it (1-based). */
export const errorLocationSchema = z.object({ file: z.string().min(1).max(300), line: z.number().int().positive() });

/** The grading report, version 1 (exercise-format.md). Optional extensions: `scope` "visible-only"
 * marks a "Run visible tests" report, which counts for nothing; `errorLocation` is set when the
 * code could not be run because of an error at a known line (a syntax error, an exception on import);
 * `milestone` is the key of the template milestone whose suite was run, when one was. */
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
  errorLocation: errorLocationSchema.nullable().optional(),
  milestone: z.string().optional(),
});

export type GradingReport = z.infer<typeof gradingReportSchema>;
export type TestResult = z.infer<typeof testResultSchema>;
export type ErrorLocation = z.infer<typeof errorLocationSchema>;
