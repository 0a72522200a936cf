import {
  flagExamQuestion,
  getExamAttempt,
  getExamResult,
  listExamHistory,
  saveExamAnswer,
  startMockExam,
  submitExamAttempt,
} from "@academy/services";
import { z } from "zod";

import { createTRPCRouter, protectedProcedure } from "../trpc";

const attemptId = z.uuid("Unknown exam attempt: open it from your exams.");
const questionId = z.string().regex(/^\d+\.\d+-[a-z0-9-]{1,80}$/, "Unknown question: reload the exam page.");
const choiceId = z.string().regex(/^([a-f]|true|false)$/, "Unknown choice: reload the exam page.");
const attemptInput = z.object({ attemptId });

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
    const { attemptId: id, deadlineAt, isResumed } = await startMockExam(ctx.db, ctx.user.id);
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

  result: protectedProcedure.input(attemptInput).query(async ({ ctx, input }) => {
    const result = await getExamResult(ctx.db, ctx.user.id, input.attemptId);
    return {
      ...toAttemptTimes(result),
      partA: {
        score: result.partA.score,
        maxScore: result.partA.maxScore,
        chapters: result.partA.chapters.map(({ chapter, score, maxScore }) => ({ chapter, score, maxScore })),
      },
      questions: result.questions.map((question) => ({
        ...toShownQuestion(question),
        selected: question.selected,
        correct: question.correct,
        isCorrect: question.isCorrect,
        explanation: question.explanation,
      })),
      partB: {
        exercises: result.partB.exercises.map(({ id, title, section, difficulty, grading }) => ({ id, title, section, difficulty, grading })),
      },
    };
  }),

  history: protectedProcedure.query(async ({ ctx }) => {
    const attempts = await listExamHistory(ctx.db, ctx.user.id);
    return attempts.map((a) => ({
      attemptId: a.attemptId,
      examId: a.examId,
      examTitle: a.examTitle,
      examKind: a.examKind,
      status: a.status,
      startedAt: a.startedAt,
      deadlineAt: a.deadlineAt,
      submittedAt: a.submittedAt,
      partAScore: a.partAScore,
      partAMaxScore: a.partAMaxScore,
      isResultWithheld: a.isResultWithheld,
    }));
  }),
});
