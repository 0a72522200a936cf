import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

import { exercise } from "./exercise";
import { exerciseVersion } from "./exercise-version";
import { scoreColumn } from "./score-column";

/**
 * A milestone of a team-project template (exercise.yaml `milestones`), mirrored by the exercise
 * sync. Team projects and submissions name it by (exercise, key); a milestone dropped from the
 * folder is archived, never deleted, so what was graded against it keeps its row.
 */
export const exerciseMilestone = pgTable(
  "exercise_milestone",
  {
    exerciseId: text()
      .notNull()
      .references(() => exercise.id, { onDelete: "cascade" }),
    key: text().notNull(),
    title: text().notNull(),
    /** 0-based order in exercise.yaml: milestone k builds on the ones before it. */
    position: integer().notNull(),
    /** Days after a project's start when it is due, as the template suggests; null: no suggestion. */
    dueOffsetDays: integer(),
    /** A grading for this milestone is scored out of these points. */
    points: scoreColumn().notNull(),
    hiddenTestCount: integer().notNull(),
    /** Hash of the milestone's tests folder: changes exactly when its suite changes. */
    suiteHash: text().notNull(),
    /** The exercise version the milestone was last synced with. */
    exerciseVersionId: text()
      .notNull()
      .references(() => exerciseVersion.id),
    isArchived: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.exerciseId, t.key] }), index().on(t.exerciseId, t.position)],
);
