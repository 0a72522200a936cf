import { getQuiz, listQuizAttempts, submitQuiz } from "@academy/services";
import { z } from "zod";

import { createTRPCRouter, protectedProcedure } from "../trpc";
import { sectionId } from "./curriculum";

const questionId = z.string().regex(/^\d+\.\d+-[a-z0-9-]{1,80}$/, "Unknown question: reload the quiz.");
const choiceId = z.string().regex(/^([a-f]|true|false)$/, "Unknown choice: reload the quiz.");

export const quizRouter = createTRPCRouter({
  get: protectedProcedure.input(z.object({ sectionId })).query(({ ctx, input }) => getQuiz(ctx.db, ctx.user.id, input.sectionId)),

  submit: protectedProcedure
    .input(
      z.object({
        sectionId,
        answers: z
          .record(questionId, z.array(choiceId).max(6, "A question has at most 6 choices."))
          .refine((answers) => Object.keys(answers).length <= 40, "A quiz has at most 40 questions."),
      }),
    )
    .mutation(({ ctx, input }) => submitQuiz(ctx.db, ctx.user.id, input)),

  attempts: protectedProcedure.input(z.object({ sectionId })).query(({ ctx, input }) => listQuizAttempts(ctx.db, ctx.user.id, input.sectionId)),
});
