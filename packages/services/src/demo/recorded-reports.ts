import { readFile } from "node:fs/promises";

import { gradingReportSchema } from "@academy/sandbox";
import { z } from "zod";

/** Where `pnpm demo:record` writes, and the demo seed reads, the recorded gradings. */
export const recordedReportsPath = new URL("./recorded-reports.json", import.meta.url);

export const RECORDED_ATTEMPT_KINDS = ["solution", "starter", "partial", "syntax-error", "runtime-error"] as const;
export type RecordedAttemptKind = (typeof RECORDED_ATTEMPT_KINDS)[number];

const submittedFileSchema = z.object({ name: z.string(), content: z.string() });

const recordedAttemptSchema = z.object({
  kind: z.enum(RECORDED_ATTEMPT_KINDS),
  label: z.string(),
  /** A variant's files as graded. A solution's or starter's are its exercise folder's, read at seeding. */
  files: z.array(submittedFileSchema).optional(),
  report: gradingReportSchema,
});

const recordedExerciseSchema = z.object({
  exerciseId: z.string(),
  /** The exercise folder's content hash when it was graded: the seed uses the attempts of this version only. */
  contentHash: z.string(),
  attempts: z.array(recordedAttemptSchema),
});

export const recordedReportsSchema = z.object({
  graderImage: z.string(),
  recordedAt: z.string(),
  exercises: z.array(recordedExerciseSchema),
});

export type RecordedReports = z.infer<typeof recordedReportsSchema>;
export type RecordedExercise = z.infer<typeof recordedExerciseSchema>;
export type RecordedAttempt = z.infer<typeof recordedAttemptSchema>;

export async function readRecordedReports(file: URL | string = recordedReportsPath): Promise<RecordedReports> {
  return recordedReportsSchema.parse(JSON.parse(await readFile(file, "utf8")));
}
