import { questionKinds } from "@academy/content";
import { difficulty, examAttemptStatus, examKind } from "@academy/db/enums";
import { storedReportSchema, submissionStatusSchema } from "@academy/submission-lifecycle";
import { z } from "zod";

// What leaves the API for an exam's Part B, result, history and readiness. Keys not named here are
// dropped on the way out, so a service adding a field (a score during the exam) never leaks it.

const attemptStatus = z.enum(examAttemptStatus.enumValues);

/** A Part B submission during the exam: received (queued or running) or graded, and its place in line; never a score. */
export const partBStatusSchema = z.object({
  attemptId: z.string(),
  status: attemptStatus,
  exercises: z.array(
    z.object({
      exerciseId: z.string(),
      submissions: z.array(
        z.object({
          submissionId: z.string(),
          state: z.enum(["received", "graded"]),
          /** While queued: 1 means next to be graded. */
          queuePosition: z.number().int().positive().nullable(),
          createdAt: z.date(),
        }),
      ),
    }),
  ),
});

const grading = z.enum(["grading", "final"]);

export const examResultSchema = z.object({
  attemptId: z.string(),
  examId: z.string(),
  status: attemptStatus,
  startedAt: z.date(),
  deadlineAt: z.date(),
  submittedAt: z.date(),
  timeUsedSeconds: z.number().int().nonnegative(),
  /** Out of maxScore (100); null while a Part B grading is still running. */
  score: z.number().nullable(),
  maxScore: z.number(),
  passPercent: z.number(),
  isPassed: z.boolean().nullable(),
  grading,
  partA: z.object({
    score: z.number(),
    maxScore: z.number(),
    percent: z.number(),
    weightPercent: z.number(),
    chapters: z.array(
      z.object({
        chapter: z.number().int(),
        title: z.string(),
        score: z.number(),
        maxScore: z.number(),
        percent: z.number(),
        isWeakest: z.boolean(),
        /** The chapter's sections: each is a lesson (/learn/{id}) with its quiz (/learn/{id}/quiz). */
        sections: z.array(z.object({ id: z.string(), title: z.string() })),
      }),
    ),
  }),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(questionKinds),
      prompt: z.string(),
      code: z.string().nullable(),
      chapter: z.number().int(),
      section: z.string(),
      choices: z.array(z.object({ id: z.string(), text: z.string() })),
      selected: z.array(z.string()),
      correct: z.array(z.string()),
      isCorrect: z.boolean(),
      explanation: z.string(),
    }),
  ),
  partB: z.object({
    /** Null while a grading is still running. */
    percent: z.number().nullable(),
    weightPercent: z.number(),
    grading,
    exercises: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        section: z.string(),
        difficulty: z.enum(difficulty.enumValues),
        points: z.number(),
        grading: z.enum(["not-submitted", "grading", "graded"]),
        submissionCount: z.number().int(),
        bestSubmissionId: z.string().nullable(),
        bestScore: z.number().nullable(),
        bestStatus: submissionStatusSchema.nullable(),
        /** The best submission's grading report, as the practice feedback shows it. */
        report: storedReportSchema,
        errorMessage: z.string().nullable(),
      }),
    ),
  }),
});

export const examHistorySchema = z.array(
  z.object({
    attemptId: z.string(),
    examId: z.string(),
    examTitle: z.string(),
    examKind: z.enum(examKind.enumValues),
    status: attemptStatus,
    startedAt: z.date(),
    deadlineAt: z.date(),
    submittedAt: z.date().nullable(),
    /** A scheduled exam submitted but not released by its instructor: every score below is null. */
    isResultWithheld: z.boolean(),
    timeUsedSeconds: z.number().int().nonnegative().nullable(),
    score: z.number().nullable(),
    maxScore: z.number().nullable(),
    isPassed: z.boolean().nullable(),
    grading: grading.nullable(),
    partAScore: z.number().nullable(),
    partAMaxScore: z.number().nullable(),
    partAPercent: z.number().nullable(),
    /** Null while a Part B grading is still running. */
    partBPercent: z.number().nullable(),
  }),
);

export const examReadinessSchema = z.object({
  minAnswers: z.number().int(),
  halfLifeDays: z.number(),
  passPercent: z.number(),
  chapters: z.array(
    z.object({
      chapter: z.number().int(),
      title: z.string(),
      answered: z.number().int(),
      state: z.enum(["estimated", "not-enough-data"]),
      estimatePercent: z.number().nullable(),
    }),
  ),
});
