import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { cohort } from "./cohort";
import { exercise } from "./exercise";
import { user } from "./user";

/**
 * A team project an instructor set for a cohort from a team-project template (an exercise with
 * milestones). Its teams each work on their own copy (team_project); its milestones carry the due dates.
 */
export const cohortProject = pgTable(
  "cohort_project",
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohort.id, { onDelete: "cascade" }),
    exerciseId: text()
      .notNull()
      .references(() => exercise.id),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    minTeamSize: integer().notNull(),
    maxTeamSize: integer().notNull(),
    /** Learners may join a team themselves with its code (within maxTeamSize). */
    allowsSelfJoin: boolean().notNull().default(false),
    createdBy: text()
      .notNull()
      .references(() => user.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.cohortId)],
);
