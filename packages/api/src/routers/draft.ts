import { submissionLimits } from "@academy/exercises/contract";
import { getDraft, saveDraft } from "@academy/services";
import { z } from "zod";

import { createTRPCRouter, protectedProcedure } from "../trpc";
import { exerciseId } from "./exercise";

const { maxFileKib, maxFileNameLength } = submissionLimits;
export const draftFile = z.object({
  name: z.string().min(1, "A file has no name.").max(maxFileNameLength, `A file name may be at most ${maxFileNameLength} characters.`),
  content: z.string().max(maxFileKib * 1024, `A file may hold at most ${maxFileKib} KiB.`),
});

export const draftRouter = createTRPCRouter({
  get: protectedProcedure.input(z.object({ exerciseId })).query(({ ctx, input }) => getDraft(ctx.db, ctx.user.id, input.exerciseId)),

  save: protectedProcedure
    .input(z.object({ exerciseId, files: z.array(draftFile).min(1, "A draft holds at least one file.").max(submissionLimits.maxFiles) }))
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user.id, input)),
});
