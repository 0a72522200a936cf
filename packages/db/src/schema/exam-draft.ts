import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { examAttempt } from "./exam-attempt";
import { exercise } from "./exercise";
import type { SubmittedFile } from "./submission";

/**
 * Part B code as the learner types it during an exam, one row per attempt and exercise: apart from
 * the practice draft, so an exam never overwrites practice work and ends with its attempt.
 */
export const examDraft = pgTable(
  "exam_draft",
  {
    attemptId: uuid()
      .notNull()
      .references(() => examAttempt.id, { onDelete: "cascade" }),
    exerciseId: text()
      .notNull()
      .references(() => exercise.id, { onDelete: "cascade" }),
    files: jsonb().$type<SubmittedFile[]>().notNull(),
    savedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.exerciseId] })],
);
