import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { cohortProject } from "./cohort-project";

export const team = pgTable(
  "team",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => cohortProject.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** Random and unguessable: a learner joins the team with it when the project allows self-join. */
    joinCode: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId)],
);
