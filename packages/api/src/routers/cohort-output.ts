import type { GradebookCell } from "@academy/services";
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

/** A plain check of one cell, with exactly these keys: a zod object per cell cost more than the query on 8,000 cells, and copied each one. */
const isGradebookCell = (cell: unknown): cell is GradebookCell => {
  if (typeof cell !== "object" || cell === null) return false;
  const { bestScore, bestSubmissionId, attempts, isPassed, lastActivityAt } = cell as Record<string, unknown>;
  return (
    // These five keys and no others, as a zod object would strip any others on the way out.
    Object.keys(cell).length === 5 &&
    (bestScore === null || typeof bestScore === "number") &&
    typeof bestSubmissionId === "string" &&
    Number.isInteger(attempts) &&
    (attempts as number) > 0 &&
    typeof isPassed === "boolean" &&
    lastActivityAt instanceof Date
  );
};

const areGradebookCells = (cells: unknown): cells is Record<string, GradebookCell> =>
  typeof cells === "object" && cells !== null && !Array.isArray(cells) && Object.values(cells).every(isGradebookCell);

export const gradebookSchema = z.object({
  cohort: cohortSummarySchema,
  exercises: z.array(z.object({ id: z.string(), title: z.string(), section: z.string(), points: z.number() })),
  learners: z.array(
    z.object({
      ...person,
      joinedAt: z.date(),
      /** By exercise id; an exercise the learner has not submitted has no cell. */
      cells: z.custom<Record<string, GradebookCell>>(areGradebookCells, "A gradebook cell has a score or null, its submission, attempts, passed and last activity."),
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
