import {
  addCoInstructor,
  archiveCohort,
  createCohort,
  getCohort,
  getCohortGradebook,
  getCohortHeadlines,
  joinCohort,
  listInstructorCohorts,
  regenerateInviteCode,
  removeLearner,
  renameCohort,
} from "@academy/services";
import { z } from "zod";

import { createTRPCRouter, instructorProcedure, protectedProcedure } from "../trpc";
import { cohortDashboardProcedures } from "./cohort-dashboard";
import { cohortDetailSchema, cohortListSchema, cohortSummarySchema, cohortWithInviteSchema, gradebookSchema, headlinesSchema } from "./cohort-output";

const cohortName = z.string().trim().min(1, "Give the cohort a name.").max(80, "A cohort name may hold at most 80 characters.");
const byCohort = z.object({ cohortId: z.uuid() });

export const cohortRouter = createTRPCRouter({
  list: instructorProcedure.output(cohortListSchema).query(({ ctx }) => listInstructorCohorts(ctx.db, ctx.user)),

  get: instructorProcedure.input(byCohort).output(cohortDetailSchema).query(({ ctx, input }) => getCohort(ctx.db, { ...input, viewer: ctx.user })),

  create: instructorProcedure
    .input(z.object({ name: cohortName }))
    .output(cohortWithInviteSchema)
    .mutation(({ ctx, input }) => createCohort(ctx.db, { name: input.name, instructorId: ctx.user.id })),

  rename: instructorProcedure
    .input(byCohort.extend({ name: cohortName }))
    .output(cohortSummarySchema)
    .mutation(({ ctx, input }) => renameCohort(ctx.db, { ...input, viewer: ctx.user })),

  archive: instructorProcedure.input(byCohort).output(cohortSummarySchema).mutation(({ ctx, input }) => archiveCohort(ctx.db, { ...input, viewer: ctx.user })),

  regenerateInvite: instructorProcedure
    .input(byCohort)
    .output(z.object({ id: z.string(), inviteCode: z.string() }))
    .mutation(({ ctx, input }) => regenerateInviteCode(ctx.db, { ...input, viewer: ctx.user })),

  join: protectedProcedure
    .input(z.object({ code: z.string().trim().min(1, "Enter the invite code.").max(64, "An invite code has at most 64 characters.") }))
    .output(z.object({ id: z.string(), name: z.string() }))
    .mutation(({ ctx, input }) => joinCohort(ctx.db, { code: input.code, user: ctx.user })),

  removeLearner: instructorProcedure
    .input(byCohort.extend({ learnerId: z.string().min(1).max(200) }))
    .output(z.object({ cohortId: z.string(), learnerId: z.string() }))
    .mutation(({ ctx, input }) => removeLearner(ctx.db, { ...input, viewer: ctx.user })),

  addInstructor: instructorProcedure
    .input(byCohort.extend({ email: z.email("Enter an email address.").max(320) }))
    .output(z.object({ id: z.string(), name: z.string(), email: z.string() }))
    .mutation(({ ctx, input }) => addCoInstructor(ctx.db, { ...input, viewer: ctx.user })),

  gradebook: instructorProcedure.input(byCohort).output(gradebookSchema).query(({ ctx, input }) => getCohortGradebook(ctx.db, { ...input, viewer: ctx.user })),

  headlines: instructorProcedure.input(byCohort).output(headlinesSchema).query(({ ctx, input }) => getCohortHeadlines(ctx.db, { ...input, viewer: ctx.user })),

  ...cohortDashboardProcedures,
});
