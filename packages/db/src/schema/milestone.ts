import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import { cohortProject } from "./cohort-project";

/** A cohort project's milestone: the template's milestone (by key) with this project's due date. */
export const milestone = pgTable(
  "milestone",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => cohortProject.id, { onDelete: "cascade" }),
    /** The template's milestone key (exercise_milestone.key): its hidden suite grades the submissions. */
    key: text().notNull(),
    title: text().notNull(),
    dueAt: timestamp({ withTimezone: true }),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId), unique().on(t.projectId, t.key)],
);
