import { z } from "zod";

const windowFields = { id: z.string(), title: z.string(), opensAt: z.date(), closesAt: z.date(), durationMinutes: z.number().int() };
const examFields = { ...windowFields, resultsReleasedAt: z.date().nullable() };

export const cohortExamListSchema = z.object({
  cohort: z.object({ id: z.string(), name: z.string(), isArchived: z.boolean() }),
  exams: z.array(z.object({ ...examFields, startedCount: z.number().int(), submittedCount: z.number().int() })),
});

export const cohortExamRosterSchema = z.object({
  exam: z.object({ ...examFields, cohortId: z.string(), cohortName: z.string() }),
  now: z.date(),
  learners: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      extraMinutes: z.number().int(),
      state: z.enum(["not-started", "in-progress", "submitted"]),
      attemptId: z.string().nullable(),
      isExpired: z.boolean(),
      startedAt: z.date().nullable(),
      deadlineAt: z.date().nullable(),
      submittedAt: z.date().nullable(),
      partAScore: z.number().nullable(),
      partAMaxScore: z.number().nullable(),
      score: z.number().nullable(),
      maxScore: z.number().nullable(),
    }),
  ),
  counts: z.object({ notStarted: z.number().int(), inProgress: z.number().int(), submitted: z.number().int() }),
});

export const learnerCohortExamSchema = z.object({
  ...windowFields,
  cohortName: z.string(),
  extraMinutes: z.number().int(),
  state: z.enum(["upcoming", "open", "in-progress", "submitted", "missed"]),
  attemptId: z.string().nullable(),
  deadlineAt: z.date().nullable(),
  isResultReleased: z.boolean(),
  result: z
    .object({ partAScore: z.number().nullable(), partAMaxScore: z.number().nullable(), score: z.number().nullable(), maxScore: z.number().nullable() })
    .nullable(),
});
