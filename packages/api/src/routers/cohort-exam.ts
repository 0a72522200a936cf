import {
  closeCohortExamNow,
  exportCohortExamResultsCsv,
  getCohortExamRoster,
  listCohortExams,
  listLearnerCohortExams,
  releaseCohortExamResults,
  scheduleCohortExam,
  startCohortExam,
  updateCohortExam,
  watchCohortExamRoster,
} from "@academy/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { createTRPCRouter, instructorProcedure, protectedProcedure } from "../trpc";
import { cohortExamListSchema, cohortExamRosterSchema, learnerCohortExamSchema } from "./cohort-exam-output";
import { asyncIterableOf } from "./submission-output";

const MAX_MINUTES = 24 * 60;

const byExam = z.object({ examId: z.uuid("Unknown exam: open it from the cohort's exams.") });

const examSettings = z
  .object({
    title: z.string().trim().min(1, "Give the exam a title.").max(120, "An exam title may hold at most 120 characters."),
    opensAt: z.date("Give the opening time."),
    closesAt: z.date("Give the closing time."),
    durationMinutes: z
      .number("Give the duration in minutes.")
      .int("Give the duration in whole minutes.")
      .min(1, "An exam lasts at least 1 minute.")
      .max(MAX_MINUTES, "An exam lasts at most 24 hours."),
    extraTime: z
      .array(
        z.object({
          userId: z.string().min(1).max(200),
          minutes: z.number().int("Give extra time in whole minutes.").min(0, "Extra time cannot be negative.").max(MAX_MINUTES, "Extra time is at most 24 hours."),
        }),
      )
      .max(1000)
      .default([]),
  })
  .refine((settings) => settings.opensAt < settings.closesAt, { message: "The exam must open before it closes.", path: ["closesAt"] });

export const cohortExamRouter = createTRPCRouter({
  /** Instructors: the cohort's scheduled exams. */
  list: instructorProcedure
    .input(z.object({ cohortId: z.uuid() }))
    .output(cohortExamListSchema)
    .query(({ ctx, input }) => listCohortExams(ctx.db, { cohortId: input.cohortId, viewer: ctx.user })),

  schedule: instructorProcedure
    .input(z.object({ cohortId: z.uuid() }).and(examSettings))
    .output(z.object({ examId: z.string() }))
    .mutation(({ ctx, input }) => scheduleCohortExam(ctx.db, { ...input, viewer: ctx.user })),

  update: instructorProcedure
    .input(byExam.and(examSettings))
    .output(z.object({ examId: z.string() }))
    .mutation(({ ctx, input }) => updateCohortExam(ctx.db, { ...input, viewer: ctx.user })),

  /** Instructors: every learner's state and scores (the results table reads this too). */
  roster: instructorProcedure
    .input(byExam)
    .output(cohortExamRosterSchema)
    .query(({ ctx, input }) => getCohortExamRoster(ctx.db, { examId: input.examId, viewer: ctx.user })),

  /** The roster again whenever an attempt starts or ends (Postgres NOTIFY, over SSE). */
  watchRoster: instructorProcedure
    .input(byExam)
    .output(asyncIterableOf(cohortExamRosterSchema))
    .subscription(({ ctx, input, signal }) => {
      if (!ctx.examAttempts) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Live updates are not available on this server right now: reload to see changes." });
      return watchCohortExamRoster(ctx.db, ctx.examAttempts, { examId: input.examId, viewer: ctx.user }, signal);
    }),

  /** Instructors: end the window now (everyone has finished); attempts still running end with it. */
  closeNow: instructorProcedure
    .input(byExam)
    .output(z.object({ examId: z.string(), closesAt: z.date() }))
    .mutation(({ ctx, input }) => closeCohortExamNow(ctx.db, { examId: input.examId, viewer: ctx.user })),

  /** Instructors: once the window has closed, learners see their scores. */
  release: instructorProcedure
    .input(byExam)
    .output(z.object({ examId: z.string(), resultsReleasedAt: z.date() }))
    .mutation(({ ctx, input }) => releaseCohortExamResults(ctx.db, { examId: input.examId, viewer: ctx.user })),

  resultsCsv: instructorProcedure
    .input(byExam)
    .output(z.object({ fileName: z.string(), csv: z.string() }))
    .query(({ ctx, input }) => exportCohortExamResultsCsv(ctx.db, { examId: input.examId, viewer: ctx.user })),

  /** Learners: the scheduled exams of their cohorts; a score only once released. */
  listForLearner: protectedProcedure.output(z.array(learnerCohortExamSchema)).query(({ ctx }) => listLearnerCohortExams(ctx.db, ctx.user.id)),

  /** Learners: start (or go back to) the exam inside its window; the attempt is then taken with `exam.*`. */
  start: protectedProcedure
    .input(byExam)
    .output(z.object({ attemptId: z.string(), deadlineAt: z.date(), isResumed: z.boolean() }))
    .mutation(({ ctx, input }) => startCohortExam(ctx.db, ctx.user.id, input.examId)),
});
