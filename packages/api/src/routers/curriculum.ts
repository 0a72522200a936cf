import { searchLessons } from "@academy/content";
import { getCurriculumProgress, getLesson, listCurriculum } from "@academy/services";
import { z } from "zod";

import { exercisesDirOf } from "../exercises-dir";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

export const sectionId = z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'A lesson is named by its section number, such as "3.5".');

export const curriculumRouter = createTRPCRouter({
  list: publicProcedure.query(({ ctx }) => listCurriculum(ctx.db, ctx.user?.id ?? null, exercisesDirOf(ctx))),

  get: publicProcedure
    .input(z.object({ sectionId }))
    .query(({ ctx, input }) => getLesson(input.sectionId, exercisesDirOf(ctx))),

  search: publicProcedure
    .input(z.object({ query: z.string().trim().min(1, "Type a word to search for.").max(200, "Search with at most 200 characters.") }))
    .query(({ input }) => searchLessons(input.query, { limit: 20 }).map(({ sectionId: id, title, chapter, snippet }) => ({ sectionId: id, title, chapter, snippet }))),

  progress: protectedProcedure.query(({ ctx }) => getCurriculumProgress(ctx.db, ctx.user.id)),
});
