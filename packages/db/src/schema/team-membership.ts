import { index, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import { cohortProject } from "./cohort-project";
import { team } from "./team";
import { user } from "./user";

export const teamMembership = pgTable(
  "team_membership",
  {
    teamId: uuid()
      .notNull()
      .references(() => team.id, { onDelete: "cascade" }),
    /** The team's project, repeated so the database holds a learner to one team per project. */
    projectId: uuid()
      .notNull()
      .references(() => cohortProject.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index().on(t.userId), unique().on(t.projectId, t.userId)],
);
