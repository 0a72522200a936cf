import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

import { user } from "./user";

export const lessonProgress = pgTable(
  "lesson_progress",
  {
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    sectionId: text().notNull(),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The index: a learner's last activity, read for a whole cohort at once.
  (t) => [primaryKey({ columns: [t.userId, t.sectionId] }), index().on(t.userId, t.readAt)],
);
