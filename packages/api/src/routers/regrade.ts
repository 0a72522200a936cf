import { applyRegradePreview, discardRegradePreview, getRegradePreview, startRegradePreview, watchRegradePreview } from "@academy/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { createTRPCRouter, instructorProcedure } from "../trpc";
import { exerciseId } from "./exercise";
import { appliedPreviewSchema, discardedPreviewSchema, regradePreviewViewSchema, startedPreviewSchema } from "./regrade-output";
import { asyncIterableOf } from "./submission-output";

const byTarget = z.object({ cohortId: z.uuid(), exerciseId });
const byPreview = z.object({ cohortId: z.uuid(), previewId: z.uuid() });

/** Starting a preview queues gradings and watching it needs the process's listener: both need the grading ports. */
const regradeProcedure = instructorProcedure.use(({ ctx, next }) => {
  if (!ctx.grading) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Grading is not available on this server right now." });
  return next({ ctx: { ...ctx, grading: ctx.grading } });
});

/** Regrade with preview (`apply` alone is a name tRPC reserves), for a cohort's instructors and admins (the services check the cohort). */
export const regradeRouter = createTRPCRouter({
  preview: instructorProcedure.input(byTarget).output(regradePreviewViewSchema).query(({ ctx, input }) => getRegradePreview(ctx.db, { ...input, viewer: ctx.user })),

  startPreview: regradeProcedure
    .input(byTarget)
    .output(startedPreviewSchema)
    .mutation(({ ctx, input }) => startRegradePreview(ctx.db, ctx.grading.regrade, { ...input, viewer: ctx.user })),

  applyPreview: instructorProcedure.input(byPreview).output(appliedPreviewSchema).mutation(({ ctx, input }) => applyRegradePreview(ctx.db, { ...input, viewer: ctx.user })),

  discardPreview: instructorProcedure.input(byPreview).output(discardedPreviewSchema).mutation(({ ctx, input }) => discardRegradePreview(ctx.db, { ...input, viewer: ctx.user })),

  onPreviewChange: regradeProcedure
    .input(byTarget)
    .output(asyncIterableOf(regradePreviewViewSchema))
    .subscription(({ ctx, input, signal }) => watchRegradePreview(ctx.db, ctx.grading.regrade.previews, { ...input, viewer: ctx.user }, signal)),
});
