import { getLearnerSummary } from "../services/dashboard/get-learner-summary";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const dashboardRouter = createTRPCRouter({
  summary: protectedProcedure.query(({ ctx }) => getLearnerSummary(ctx.db, ctx.user.id)),
});
