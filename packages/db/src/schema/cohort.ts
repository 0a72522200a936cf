import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { user } from "./user";

export const cohort = pgTable("cohort", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  /** Who created the cohort. Who teaches it (creator and co-instructors) is cohort_membership's role. */
  instructorId: text()
    .notNull()
    .references(() => user.id),
  /** Random and unguessable (80 bits); regenerating it stops the old code from working. */
  inviteCode: text().notNull().unique(),
  /** An archived cohort keeps its data but takes no new learners. */
  archivedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
