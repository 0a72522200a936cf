import { z } from "zod";

import { errorLocationSchema, testResultSchema } from "./schema";

/** The report the in-container supervisor writes on its stdout (after "done <length>"). Events come from pytest,
 * which in `in-process` and `write-tests` modes shares a process with learner code. The supervisor
 * keeps only lines signed with the job's key (runner results.py) and counts the others in
 * `forgedLines`; each kept event is still validated on its own, and invalid ones are dropped. */
const testEventSchema = testResultSchema.extend({ event: z.literal("test"), name: z.string().max(300) });
const collectedEventSchema = z.object({
  event: z.literal("collected"),
  tests: z.array(z.object({ name: z.string().max(300), visibility: z.enum(["visible", "hidden"]) })).max(2000),
});
// Learner code may write these (it runs beside the reporting code): a location is checked like the rest and only places a cursor.
const learnerLocationSchema = errorLocationSchema.nullable().catch(null);
const collectErrorEventSchema = z.object({
  event: z.literal("collect-error"),
  file: z.string().max(300),
  visibility: z.enum(["visible", "hidden"]),
  message: z.string().max(5000),
  location: learnerLocationSchema,
});

export const runnerReportSchema = z.object({
  version: z.literal(1),
  events: z.array(z.unknown()).default([]),
  forgedLines: z.number().int().nonnegative().default(0),
  appFailure: z
    .object({ kind: z.string(), message: z.string(), beforeReady: z.boolean().default(true), location: learnerLocationSchema })
    .nullable()
    .default(null),
  timedOut: z.boolean().default(false),
  oomKilled: z.boolean().default(false),
  pytestExit: z.number().int().nullable().default(null),
  testsMs: z.number().int().nonnegative().default(0),
  runnerMs: z.number().int().nonnegative().default(0),
  output: z.string().default(""),
  outputTruncated: z.boolean().default(false),
  internalOutput: z.string().default(""),
  internalError: z.string().optional(),
});

export type RunnerReport = z.output<typeof runnerReportSchema>;
const tamperedEventSchema = z.object({ event: z.literal("tampered"), what: z.array(z.string().max(100)).max(20) });

export type RunnerEvents = {
  tampered: string[];
  /** Tests with more than one result: the runner sends one per test, so a second one was forged. */
  reportedTwice: string[];
  tests: z.infer<typeof testEventSchema>[];
  collected: z.infer<typeof collectedEventSchema>["tests"];
  collectErrors: z.infer<typeof collectErrorEventSchema>[];
};

export function parseRunnerReport(raw: Buffer): RunnerReport {
  return runnerReportSchema.parse(JSON.parse(raw.toString("utf8")));
}

export function splitEvents(events: unknown[]): RunnerEvents {
  const result: RunnerEvents = { tests: [], collected: [], collectErrors: [], tampered: [], reportedTwice: [] };
  const seen = new Set<string>();
  for (const event of events) {
    const test = testEventSchema.safeParse(event);
    if (test.success) {
      const key = `${test.data.visibility}:${test.data.name}`;
      if (!seen.has(key)) result.tests.push(test.data);
      else if (!result.reportedTwice.includes(test.data.name)) result.reportedTwice.push(test.data.name);
      seen.add(key);
      continue;
    }
    const collected = collectedEventSchema.safeParse(event);
    if (collected.success) {
      result.collected = collected.data.tests;
      continue;
    }
    const collectError = collectErrorEventSchema.safeParse(event);
    if (collectError.success) {
      result.collectErrors.push(collectError.data);
      continue;
    }
    const tampered = tamperedEventSchema.safeParse(event);
    if (tampered.success) result.tampered.push(...tampered.data.what.filter((w) => !result.tampered.includes(w)));
  }
  return result;
}
