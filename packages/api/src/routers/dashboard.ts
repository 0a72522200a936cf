import { getLearnerSummary } from "@academy/services";

import { createTRPCRouter, protectedProcedure } from "../trpc";

export const dashboardRouter = createTRPCRouter({
  summary: protectedProcedure.query(({ ctx }) => getLearnerSummary(ctx.db, ctx.user.id)),
});
