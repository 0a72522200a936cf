import { pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

import { exercise } from "./exercise";

/** A content hash of the exercise folder: a changed test suite makes a new version. */
export const exerciseVersion = pgTable(
  "exercise_version",
  {
    id: text().primaryKey(),
    exerciseId: text()
      .notNull()
      .references(() => exercise.id, { onDelete: "cascade" }),
    contentHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.exerciseId, t.contentHash)],
);
