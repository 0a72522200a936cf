import { submissionLimits } from "@academy/exercises/contract";
import { createSubmission, getSubmission, listSubmissions, watchSubmissionStatus } from "@academy/services";
import { z } from "zod";

import { createTRPCRouter, gradingProcedure, protectedProcedure } from "../trpc";
import { exerciseId } from "./exercise";
import { asyncIterableOf, submissionDetailSchema, submissionSummarySchema } from "./submission-output";

const submittedFile = z.object({
  name: z.string().min(1).max(submissionLimits.maxFileNameLength),
  content: z.string().max(submissionLimits.maxFileKib * 1024, `A file may hold at most ${submissionLimits.maxFileKib} KiB.`),
});

export const submissionRouter = createTRPCRouter({
  create: gradingProcedure
    .input(
      z.object({
        exerciseId,
        mode: z.enum(["submit", "run-visible"]).default("submit"),
        files: z.array(submittedFile).min(1, "Submit at least one file.").max(submissionLimits.maxFiles),
      }),
    )
    .mutation(({ ctx, input }) => createSubmission(ctx.db, ctx.grading, { ...input, userId: ctx.user.id, requestId: ctx.requestId })),

  get: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(submissionDetailSchema)
    .query(({ ctx, input }) => getSubmission(ctx.db, ctx.user.id, input.id)),

  list: protectedProcedure
    .input(z.object({ exerciseId: exerciseId.optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .output(z.array(submissionSummarySchema))
    .query(({ ctx, input }) => listSubmissions(ctx.db, ctx.user.id, input)),

  onStatus: gradingProcedure
    .input(z.object({ id: z.uuid() }))
    .output(asyncIterableOf(submissionDetailSchema))
    .subscription(({ ctx, input, signal }) => watchSubmissionStatus(ctx.db, ctx.grading, ctx.user.id, input.id, signal)),
});
