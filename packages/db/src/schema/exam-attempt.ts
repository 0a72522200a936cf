import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { examAttemptStatus } from "./enums";
import { exam } from "./exam";
import { scoreColumn } from "./score-column";
import { user } from "./user";

export const examAttempt = pgTable(
  "exam_attempt",
  {
    id: uuid().primaryKey().defaultRandom(),
    examId: uuid()
      .notNull()
      .references(() => exam.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    status: examAttemptStatus().notNull().default("in-progress"),
    questionIds: jsonb().$type<string[]>().notNull(),
    exerciseIds: jsonb().$type<string[]>().notNull(),
    answers: jsonb().$type<Record<string, string[]>>().notNull().default({}),
    score: scoreColumn(),
    maxScore: scoreColumn(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deadlineAt: timestamp({ withTimezone: true }).notNull(),
    submittedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId), index().on(t.examId)],
);
