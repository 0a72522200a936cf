import { EXERCISE_ID_PATTERN, submissionLimits } from "@academy/exercises/contract";
import { getExercise, getPracticeProgress, listExercises } from "@academy/services";
import { z } from "zod";

import { exercisesDirOf } from "../exercises-dir";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const exerciseId = z.string().max(submissionLimits.maxExerciseIdLength, "Unknown exercise.").regex(EXERCISE_ID_PATTERN, "Unknown exercise.");

export const exerciseRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listExercises(ctx.db, ctx.user.id)),

  get: protectedProcedure.input(z.object({ id: exerciseId })).query(({ ctx, input }) => getExercise(ctx.db, exercisesDirOf(ctx), input.id)),

  progress: protectedProcedure.query(({ ctx }) => getPracticeProgress(ctx.db, ctx.user.id)),
});
