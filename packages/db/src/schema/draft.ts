import { jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

import { exercise } from "./exercise";
import type { SubmittedFile } from "./submission";
import { user } from "./user";

export const draft = pgTable(
  "draft",
  {
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    exerciseId: text()
      .notNull()
      .references(() => exercise.id, { onDelete: "cascade" }),
    files: jsonb().$type<SubmittedFile[]>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.exerciseId] })],
);
