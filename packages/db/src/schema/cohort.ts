import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { user } from "./user";

export const cohort = pgTable("cohort", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  instructorId: text()
    .notNull()
    .references(() => user.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
