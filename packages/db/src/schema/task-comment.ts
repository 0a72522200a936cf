import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { task } from "./task";
import { user } from "./user";

export const taskComment = pgTable(
  "task_comment",
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => task.id, { onDelete: "cascade" }),
    authorId: text().references(() => user.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.taskId, t.createdAt)],
);
