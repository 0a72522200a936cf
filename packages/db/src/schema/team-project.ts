import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { team } from "./team";

export const teamProject = pgTable("team_project", {
  id: uuid().primaryKey().defaultRandom(),
  teamId: uuid()
    .notNull()
    .references(() => team.id, { onDelete: "cascade" }),
  title: text().notNull(),
  description: text().notNull().default(""),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
