import { getLessonProgress, markLessonRead } from "@academy/services";
import { z } from "zod";

import { createTRPCRouter, protectedProcedure } from "../trpc";
import { sectionId } from "./curriculum";

export const lessonRouter = createTRPCRouter({
  progress: protectedProcedure.input(z.object({ sectionId })).query(({ ctx, input }) => getLessonProgress(ctx.db, ctx.user.id, input.sectionId)),

  markRead: protectedProcedure
    .input(z.object({ sectionId, isRead: z.boolean().default(true) }))
    .mutation(({ ctx, input }) => markLessonRead(ctx.db, ctx.user.id, input)),
});
