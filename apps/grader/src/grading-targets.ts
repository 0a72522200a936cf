import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";
import { gradingJobSchema, previewGradingJobSchema } from "@academy/queue";
import {
  markRunning,
  putPreviewItemBack,
  startPreviewItemGrading,
  storeGradingFailure,
  storeGradingResult,
  storePreviewItemFailure,
  storePreviewItemResult,
} from "@academy/services";
import type { GradingReport } from "@academy/submission-lifecycle";

/** What a grading runs: the learner's files against the exercise folder, and, for a preview, the version the folder must have. */
export type GradingInput = {
  exerciseId: string;
  files: { name: string; content: string }[];
  visibility: "all" | "visible-only";
  createdAt: Date;
  /** The content hash the exercise folder must have: a preview grades against the version it named. */
  expectedContentHash?: string;
  /** A team-project template's milestone: its suite alone grades the files. */
  milestoneKey?: string | null;
};

/** Where a job's grading is read from and stored: a learner's submission, or an item of a regrade preview. */
export type GradingTarget = {
  id: string;
  logFields: Record<string, string>;
  /** Marks it running and returns what to grade; null when it was graded already or is gone. */
  begin: () => Promise<GradingInput | null>;
  storeResult: (report: GradingReport) => Promise<boolean>;
  storeFailure: (message: string) => Promise<boolean>;
  /** A failed try the queue retries: it waits again. */
  putBack: () => Promise<void>;
};

function submissionTarget(db: Db, submissionId: string, requestId: string | undefined): GradingTarget {
  return {
    id: submissionId,
    // The web request's id, so a submission's lines can be followed from the API to here.
    logFields: requestId ? { submissionId, requestId } : { submissionId },
    begin: async () => {
      const [submission] = await db
        .select({
          exerciseId: schema.submission.exerciseId,
          mode: schema.submission.mode,
          files: schema.submission.files,
          createdAt: schema.submission.createdAt,
          milestoneKey: schema.submission.milestoneKey,
        })
        .from(schema.submission)
        .where(eq(schema.submission.id, submissionId));
      if (!submission || !(await markRunning(db, submissionId))) return null;
      return { ...submission, visibility: submission.mode === "run-visible" ? "visible-only" : "all" };
    },
    storeResult: (report) => storeGradingResult(db, submissionId, report),
    storeFailure: (message) => storeGradingFailure(db, submissionId, message),
    // Only a submission still running goes back: another try of this job may have stored a result meanwhile.
    putBack: async () => {
      await db
        .update(schema.submission)
        .set({ status: "queued" })
        .where(and(eq(schema.submission.id, submissionId), eq(schema.submission.status, "running")));
    },
  };
}

function previewItemTarget(db: Db, previewItemId: string): GradingTarget {
  return {
    id: previewItemId,
    logFields: { previewItemId },
    begin: async () => {
      const item = await startPreviewItemGrading(db, previewItemId);
      return item && { exerciseId: item.exerciseId, files: item.files, visibility: "all", createdAt: item.createdAt, expectedContentHash: item.contentHash };
    },
    storeResult: (report) => storePreviewItemResult(db, previewItemId, report),
    storeFailure: (message) => storePreviewItemFailure(db, previewItemId, message),
    putBack: () => putPreviewItemBack(db, previewItemId),
  };
}

/** A job names a submission or a preview item; anything else is refused as malformed. */
export function chooseGradingTarget(db: Db, data: unknown): GradingTarget {
  const preview = previewGradingJobSchema.safeParse(data);
  if (preview.success) return previewItemTarget(db, preview.data.previewItemId);
  const job = gradingJobSchema.parse(data);
  return submissionTarget(db, job.submissionId, job.requestId);
}
