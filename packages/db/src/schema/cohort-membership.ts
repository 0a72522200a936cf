import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { cohort } from "./cohort";
import { cohortRole } from "./enums";
import { user } from "./user";

export const cohortMembership = pgTable(
  "cohort_membership",
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohort.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: cohortRole().notNull().default("learner"),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index().on(t.userId)],
);
