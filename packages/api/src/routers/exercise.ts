import { EXERCISE_ID_PATTERN, submissionLimits } from "@academy/exercises/contract";
import { z } from "zod";

import { exercisesDirOf } from "../services/exercise/exercises-dir";
import { getExercise } from "../services/exercise/get-exercise";
import { getPracticeProgress } from "../services/exercise/get-practice-progress";
import { listExercises } from "../services/exercise/list-exercises";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const exerciseId = z.string().max(submissionLimits.maxExerciseIdLength, "Unknown exercise.").regex(EXERCISE_ID_PATTERN, "Unknown exercise.");

export const exerciseRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listExercises(ctx.db, ctx.user.id)),

  get: protectedProcedure.input(z.object({ id: exerciseId })).query(({ ctx, input }) => getExercise(ctx.db, exercisesDirOf(ctx), input.id)),

  progress: protectedProcedure.query(({ ctx }) => getPracticeProgress(ctx.db, ctx.user.id)),
});
