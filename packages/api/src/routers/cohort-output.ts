import { z } from "zod";

// What leaves the API for a cohort: its instructors read these, and the dashboard's types come
// from them. Keys not named here are dropped on the way out.
const person = { id: z.string(), name: z.string(), email: z.string() };
const archivedAt = z.date().nullable();

export const cohortSummarySchema = z.object({ id: z.string(), name: z.string(), archivedAt });

export const cohortListSchema = z.array(cohortSummarySchema.extend({ memberCount: z.number().int().nonnegative() }));

export const cohortWithInviteSchema = cohortSummarySchema.extend({ inviteCode: z.string() });

export const cohortDetailSchema = cohortWithInviteSchema.extend({
  createdAt: z.date(),
  instructors: z.array(z.object({ ...person, joinedAt: z.date() })),
  learners: z.array(z.object({ ...person, joinedAt: z.date() })),
});

const gradebookCellSchema = z.object({
  bestScore: z.number().nullable(),
  bestSubmissionId: z.string(),
  attempts: z.number().int().positive(),
  isPassed: z.boolean(),
  lastActivityAt: z.date(),
});

export const gradebookSchema = z.object({
  cohort: cohortSummarySchema,
  exercises: z.array(z.object({ id: z.string(), title: z.string(), section: z.string(), points: z.number() })),
  learners: z.array(
    z.object({
      ...person,
      joinedAt: z.date(),
      /** By exercise id; an exercise the learner has not submitted has no cell. */
      cells: z.record(z.string(), gradebookCellSchema),
      totals: z.object({
        totalScore: z.number(),
        pointsPossible: z.number(),
        progressPercent: z.number(),
        exercisesAttempted: z.number().int(),
        exercisesPassed: z.number().int(),
        attempts: z.number().int(),
        lastActivityAt: z.date().nullable(),
      }),
    }),
  ),
});

export const headlinesSchema = z.object({
  learnerCount: z.number().int(),
  activeLearnersThisWeek: z.number().int(),
  activeLearnerIds: z.array(z.string()),
  submissions: z.number().int(),
  submissionsThisWeek: z.number().int(),
  medianProgressPercent: z.number().nullable(),
  /** The start of "this week": seven days before the server's clock. */
  since: z.date(),
});
