import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { cohort } from "./cohort";

export const team = pgTable("team", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  cohortId: uuid().references(() => cohort.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
