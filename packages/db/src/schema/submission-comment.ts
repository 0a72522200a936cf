import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { submission } from "./submission";
import { user } from "./user";

/** An instructor's note on a learner's submission; the learner reads it in their history. */
export const submissionComment = pgTable(
  "submission_comment",
  {
    id: uuid().primaryKey().defaultRandom(),
    submissionId: uuid()
      .notNull()
      .references(() => submission.id, { onDelete: "cascade" }),
    authorId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.submissionId, t.createdAt)],
);
