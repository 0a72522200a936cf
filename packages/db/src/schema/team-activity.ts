import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { team } from "./team";
import { user } from "./user";

/** A team's feed (who did what, when): written in the transaction of the change it records. */
export const teamActivity = pgTable(
  "team_activity",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => team.id, { onDelete: "cascade" }),
    actorId: text().references(() => user.id, { onDelete: "set null" }),
    /** task.created, task.moved, task.updated, task.commented, code.saved, milestone.submitted, member.joined … */
    kind: text().notNull(),
    /** What happened, in words (the task's title, the file's name …). */
    summary: text().notNull(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.teamId, t.createdAt)],
);
