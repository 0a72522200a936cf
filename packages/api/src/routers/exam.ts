import {
  flagExamQuestion,
  getExamAttempt,
  getExamDraft,
  getExamPartBStatus,
  getExamReadiness,
  getExamResult,
  listExamHistory,
  saveExamAnswer,
  saveExamDraft,
  startMockExam,
  submitExamAttempt,
  submitExamExercise,
  systemClock,
  watchExamPartB,
  watchExamResult,
} from "@academy/services";
import { submissionLimits } from "@academy/exercises/contract";
import { z } from "zod";

import { createTRPCRouter, gradingProcedure, protectedProcedure } from "../trpc";
import { draftFile } from "./draft";
import { examHistorySchema, examReadinessSchema, examResultSchema, partBStatusSchema } from "./exam-output";
import { exerciseId } from "./exercise";
import { asyncIterableOf } from "./submission-output";

const attemptId = z.uuid("Unknown exam attempt: open it from your exams.");
const questionId = z.string().regex(/^\d+\.\d+-[a-z0-9-]{1,80}$/, "Unknown question: reload the exam page.");
const choiceId = z.string().regex(/^([a-f]|true|false)$/, "Unknown choice: reload the exam page.");
const attemptInput = z.object({ attemptId });
const partBInput = z.object({ attemptId, exerciseId });
const partBFilesInput = partBInput.extend({
  files: z.array(draftFile).min(1, "Send at least one file.").max(submissionLimits.maxFiles, `An exercise has at most ${submissionLimits.maxFiles} files.`),
});

type AttemptTimes<Status extends string> = { attemptId: string; examId: string; status: Status; startedAt: Date; deadlineAt: Date; submittedAt: Date | null };
type ShownQuestion<Kind extends string> = { id: string; kind: Kind; prompt: string; code?: string; chapter: number; section: string; choices: { id: string; text: string }[] };

function toAttemptTimes<Status extends string>({ attemptId: id, examId, status, startedAt, deadlineAt, submittedAt }: AttemptTimes<Status>) {
  return { attemptId: id, examId, status, startedAt, deadlineAt, submittedAt };
}

/** A question as the exam shows it: never an answer or an explanation, whatever the service adds. */
function toShownQuestion<Kind extends string>({ id, kind, prompt, code, chapter, section, choices }: ShownQuestion<Kind>) {
  return { id, kind, prompt, code: code ?? null, chapter, section, choices: choices.map((choice) => ({ id: choice.id, text: choice.text })) };
}

export const examRouter = createTRPCRouter({
  startMock: protectedProcedure.mutation(async ({ ctx }) => {
    const { attemptId: id, deadlineAt, isResumed } = await startMockExam(ctx.db, ctx.user.id, systemClock, ctx.mockExam);
    return { attemptId: id, deadlineAt, isResumed };
  }),

  getAttempt: protectedProcedure.input(attemptInput).query(async ({ ctx, input }) => {
    const attempt = await getExamAttempt(ctx.db, ctx.user.id, input.attemptId);
    return {
      ...toAttemptTimes(attempt),
      now: attempt.now,
      questions: attempt.questions.map(toShownQuestion),
      exercises: attempt.exercises.map(({ id, title, section, difficulty }) => ({ id, title, section, difficulty })),
      answers: attempt.answers.map(({ questionId: id, choiceIds, savedAt }) => ({ questionId: id, choiceIds, savedAt })),
      flaggedQuestionIds: attempt.flaggedQuestionIds,
    };
  }),

  saveAnswer: protectedProcedure
    .input(z.object({ attemptId, questionId, choiceIds: z.array(choiceId).max(6, "A question has at most 6 choices.") }))
    .mutation(async ({ ctx, input }) => {
      const saved = await saveExamAnswer(ctx.db, ctx.user.id, input);
      return { questionId: saved.questionId, choiceIds: saved.choiceIds, savedAt: saved.savedAt };
    }),

  flag: protectedProcedure.input(z.object({ attemptId, questionId, isFlagged: z.boolean() })).mutation(async ({ ctx, input }) => {
    const flagged = await flagExamQuestion(ctx.db, ctx.user.id, input);
    return { questionId: flagged.questionId, isFlagged: flagged.isFlagged };
  }),

  submit: protectedProcedure.input(attemptInput).mutation(async ({ ctx, input }) => {
    const submitted = await submitExamAttempt(ctx.db, ctx.user.id, input.attemptId);
    return {
      attemptId: submitted.attemptId,
      status: submitted.status,
      submittedAt: submitted.submittedAt,
      partAScore: submitted.partAScore,
      partAMaxScore: submitted.partAMaxScore,
    };
  }),

  /** Part B code saved as typed, or null before any; refused after the deadline, earlier saves kept. */
  getPartBDraft: protectedProcedure.input(partBInput).query(async ({ ctx, input }) => {
    const draft = await getExamDraft(ctx.db, ctx.user.id, input);
    return draft ? { files: draft.files.map(({ name, content }) => ({ name, content })), savedAt: draft.savedAt } : null;
  }),

  savePartBDraft: protectedProcedure.input(partBFilesInput).mutation(async ({ ctx, input }) => {
    const saved = await saveExamDraft(ctx.db, ctx.user.id, input);
    return { exerciseId: saved.exerciseId, savedAt: saved.savedAt };
  }),

  /** Sends Part B code for grading (hidden tests, the exam's queue lane); the answer says only that it was received. */
  submitPartB: gradingProcedure.input(partBFilesInput).mutation(async ({ ctx, input }) => {
    const sent = await submitExamExercise(ctx.db, ctx.grading, ctx.user.id, input);
    return { submissionId: sent.submissionId, exerciseId: sent.exerciseId, state: sent.state, createdAt: sent.createdAt };
  }),

  /** Each Part B submission: received (with its place in line) or graded; never a score. */
  partBStatus: protectedProcedure
    .input(attemptInput)
    .output(partBStatusSchema)
    .query(({ ctx, input }) => getExamPartBStatus(ctx.db, ctx.user.id, input.attemptId)),

  /** The same, live from the grader's status notifications; ends once the attempt is over and nothing is pending. */
  onPartBStatus: gradingProcedure
    .input(attemptInput)
    .output(asyncIterableOf(partBStatusSchema))
    .subscription(({ ctx, input, signal }) => watchExamPartB(ctx.db, ctx.grading, ctx.user.id, input.attemptId, signal)),

  result: protectedProcedure
    .input(attemptInput)
    .output(examResultSchema)
    .query(({ ctx, input }) => getExamResult(ctx.db, ctx.user.id, input.attemptId)),

  /** The result, sent again whenever a Part B grading finishes; ends once Part B is final. */
  onResult: gradingProcedure
    .input(attemptInput)
    .output(asyncIterableOf(examResultSchema))
    .subscription(({ ctx, input, signal }) => watchExamResult(ctx.db, ctx.grading, ctx.user.id, input.attemptId, signal)),

  history: protectedProcedure.output(examHistorySchema).query(({ ctx }) => listExamHistory(ctx.db, ctx.user.id)),

  /** Per chapter 1-9, an estimate from quizzes and mock exams (the formula is in getExamReadiness). */
  readiness: protectedProcedure.output(examReadinessSchema).query(({ ctx }) => getExamReadiness(ctx.db, ctx.user.id)),
});
