import { SUBMISSION_STATUSES } from "@academy/submission-lifecycle/statuses";
import { z } from "zod";

// What leaves the API for a regrade preview: scores, statuses and learners' names for the cohort's
// instructors; never a report (it summarises hidden tests) nor the learners' code.
const score = z.number().nullable();

const previewLearnerSchema = z.object({
  learnerId: z.string(),
  name: z.string(),
  email: z.string(),
  sourceSubmissionId: z.string(),
  sourceVersionId: z.string(),
  previousScore: score,
  status: z.enum(SUBMISSION_STATUSES),
  newScore: score,
  maxScore: score,
  errorMessage: z.string().nullable(),
  currentBest: score,
  projectedBest: score,
  change: score,
  outcome: z.enum(["pending", "up", "down", "unchanged", "error"]),
});

export const regradePreviewViewSchema = z.object({
  exercise: z.object({ id: z.string(), title: z.string(), currentVersionId: z.string(), currentVersionSyncedAt: z.date() }),
  learnersWithSubmission: z.number().int().nonnegative(),
  learnersOnOlderVersion: z.number().int().nonnegative(),
  canStartPreview: z.boolean(),
  preview: z
    .object({
      id: z.string(),
      exerciseVersionId: z.string(),
      createdAt: z.date(),
      requestedByName: z.string(),
      isGrading: z.boolean(),
      progress: z.object({ graded: z.number().int(), total: z.number().int() }),
      summary: z.object({ up: z.number().int(), down: z.number().int(), unchanged: z.number().int(), errors: z.number().int(), pending: z.number().int() }),
      learners: z.array(previewLearnerSchema),
    })
    .nullable(),
});

export const startedPreviewSchema = z.object({ id: z.string(), exerciseVersionId: z.string(), createdAt: z.date(), total: z.number().int() });
export const appliedPreviewSchema = z.object({ previewId: z.string(), applied: z.number().int(), skipped: z.number().int() });
export const discardedPreviewSchema = z.object({ previewId: z.string() });
