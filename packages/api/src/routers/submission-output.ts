import { submissionMode } from "@academy/db/enums";
import { storedReportSchema, submissionStatusSchema } from "@academy/submission-lifecycle";
import { z } from "zod";

// What leaves the API for a submission, so the browser gets the report typed (its type inferred
// from these) and never parses it again. Keys not named here are dropped on the way out.
const scoreSchema = z.number().nonnegative().nullable();
const modeSchema = z.enum(submissionMode.enumValues);

/** One submission as its learner sees it: submission.get and each submission.onStatus update. */
export const submissionDetailSchema = z.object({
  id: z.string(),
  exerciseId: z.string(),
  exerciseVersionId: z.string(),
  mode: modeSchema,
  status: submissionStatusSchema,
  score: scoreSchema,
  maxScore: scoreSchema,
  files: z.array(z.object({ name: z.string(), content: z.string() })),
  report: storedReportSchema,
  errorMessage: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  /** While queued: 1 means next to be graded. */
  queuePosition: z.number().int().positive().nullable(),
  /** While queued: about how many seconds until the result, from the lane's recent gradings; null without any. */
  estimatedWaitSeconds: z.number().int().positive().nullable(),
  /** Instructors' comments, oldest first. */
  comments: z.array(z.object({ id: z.string(), authorName: z.string(), body: z.string(), createdAt: z.date() })),
});

/** A line of a learner's history (submission.list): no files and no report, only whether there is one. */
export const submissionSummarySchema = z.object({
  id: z.string(),
  exerciseId: z.string(),
  mode: modeSchema,
  status: submissionStatusSchema,
  score: scoreSchema,
  maxScore: scoreSchema,
  hasReport: z.boolean(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  commentCount: z.number().int().nonnegative(),
});

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> => typeof value === "object" && value !== null && Symbol.asyncIterator in value;

/**
 * A subscription's output schema: tRPC hands the output parser the whole iterable, so each value
 * it yields is parsed here on its way out (tRPC's documented zAsyncIterable, without tracking).
 */
export function asyncIterableOf<Item extends z.ZodType>(item: Item) {
  return z.custom<AsyncIterable<z.input<Item>>>(isAsyncIterable).transform(async function* (values): AsyncGenerator<z.output<Item>> {
    for await (const value of values) yield item.parse(value);
  });
}
