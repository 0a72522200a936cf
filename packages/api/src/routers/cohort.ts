import { listInstructorCohorts } from "@academy/services";

import { createTRPCRouter, instructorProcedure } from "../trpc";

export const cohortRouter = createTRPCRouter({
  list: instructorProcedure.query(({ ctx }) => listInstructorCohorts(ctx.db, ctx.user)),
});
