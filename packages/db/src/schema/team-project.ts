import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";

import { team } from "./team";

/** One team's work on its cohort project: its milestone submissions name it (submission.team_project_id). */
export const teamProject = pgTable("team_project", {
  id: uuid().primaryKey().defaultRandom(),
  teamId: uuid()
    .notNull()
    .unique()
    .references(() => team.id, { onDelete: "cascade" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
