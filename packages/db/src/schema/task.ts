import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { taskStatus } from "./enums";
import { milestone } from "./milestone";
import { teamProject } from "./team-project";
import { user } from "./user";

export const task = pgTable(
  "task",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => teamProject.id, { onDelete: "cascade" }),
    milestoneId: uuid().references(() => milestone.id, { onDelete: "set null" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    status: taskStatus().notNull().default("todo"),
    assigneeId: text().references(() => user.id, { onDelete: "set null" }),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.status)],
);
