import { doublePrecision, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { taskStatus } from "./enums";
import { milestone } from "./milestone";
import { team } from "./team";
import { user } from "./user";

export const task = pgTable(
  "task",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => team.id, { onDelete: "cascade" }),
    milestoneId: uuid().references(() => milestone.id, { onDelete: "set null" }),
    title: text().notNull(),
    description: text().notNull().default(""),
    status: taskStatus().notNull().default("todo"),
    assigneeId: text().references(() => user.id, { onDelete: "set null" }),
    dueAt: timestamp({ withTimezone: true }),
    /** Order within its column: a move takes a value between its new neighbours', so it touches one row. */
    position: doublePrecision().notNull().default(0),
    /** Raised by every change: a change based on an older version is refused, not applied over another's. */
    version: integer().notNull().default(1),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.teamId, t.status, t.position)],
);
