import { z } from "zod";

import { getDraft } from "../services/draft/get-draft";
import { saveDraft } from "../services/draft/save-draft";
import { createTRPCRouter, protectedProcedure } from "../trpc";
import { exerciseId } from "./exercise";

const draftFile = z.object({
  name: z.string().min(1, "A file has no name.").max(100, "A file name may be at most 100 characters."),
  content: z.string().max(256 * 1024, "A file may hold at most 256 KiB."),
});

export const draftRouter = createTRPCRouter({
  get: protectedProcedure.input(z.object({ exerciseId })).query(({ ctx, input }) => getDraft(ctx.db, ctx.user.id, input.exerciseId)),

  save: protectedProcedure
    .input(z.object({ exerciseId, files: z.array(draftFile).min(1, "A draft holds at least one file.").max(20) }))
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user.id, input)),
});
