import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { user } from "./user";

/** Answers are keyed by the stable question id, so attempts survive edits to a quiz. */
export const quizAttempt = pgTable(
  "quiz_attempt",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    sectionId: text().notNull(),
    answers: jsonb().$type<Record<string, string[]>>().notNull(),
    score: integer().notNull(),
    maxScore: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The second: a learner's last activity, read for a whole cohort at once.
  (t) => [index().on(t.userId, t.sectionId), index().on(t.userId, t.createdAt)],
);
