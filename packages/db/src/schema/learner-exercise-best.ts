import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { exercise } from "./exercise";
import { scoreColumn } from "./score-column";
import { submission } from "./submission";
import { user } from "./user";

/**
 * Per learner and exercise, the gradebook's cell over the submissions it counts (Submit, final,
 * outside exams): attempts, the best score and the submission that gave it (the earliest on a
 * tie), whether any passed, the latest attempt. Kept by statement triggers on submission (see the
 * migration that creates this table), so every writer keeps it right in its own transaction: the
 * grader's storeGradingResult and storeGradingFailure, a regrade's apply, the demo seed, fixtures;
 * a row goes when its last counted submission does.
 */
export const learnerExerciseBest = pgTable(
  "learner_exercise_best",
  {
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    exerciseId: text()
      .notNull()
      .references(() => exercise.id),
    attempts: integer().notNull(),
    /** Null when no attempt produced a score (errors, timeouts). */
    bestScore: scoreColumn(),
    bestSubmissionId: uuid()
      .notNull()
      .references(() => submission.id, { onDelete: "cascade" }),
    isPassed: boolean().notNull(),
    lastActivityAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.exerciseId] })],
);
