import { integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

import { exam } from "./exam";
import { user } from "./user";

/** Extra minutes one learner gets on one scheduled exam (an accommodation); none means none. */
export const examExtraTime = pgTable(
  "exam_extra_time",
  {
    examId: uuid()
      .notNull()
      .references(() => exam.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    minutes: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.examId, t.userId] })],
);
