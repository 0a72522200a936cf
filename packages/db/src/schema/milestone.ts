import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { milestoneStatus } from "./enums";
import { teamProject } from "./team-project";

export const milestone = pgTable(
  "milestone",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => teamProject.id, { onDelete: "cascade" }),
    title: text().notNull(),
    dueOn: date(),
    status: milestoneStatus().notNull().default("planned"),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId)],
);
