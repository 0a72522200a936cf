import { z } from "zod";

import { markLessonRead } from "../services/curriculum/mark-lesson-read";
import { createTRPCRouter, protectedProcedure } from "../trpc";
import { sectionId } from "./curriculum";

export const lessonRouter = createTRPCRouter({
  markRead: protectedProcedure
    .input(z.object({ sectionId, isRead: z.boolean().default(true) }))
    .mutation(({ ctx, input }) => markLessonRead(ctx.db, ctx.user.id, input)),
});
