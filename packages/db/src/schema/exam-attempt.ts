import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { examAttemptStatus } from "./enums";
import { exam } from "./exam";
import { scoreColumn } from "./score-column";
import { user } from "./user";

/** An answer as the learner gave it: the chosen choice ids (empty when cleared) and when it was saved. */
export type ExamSavedAnswer = { choiceIds: string[]; savedAt: string };

/** Part A's score in one chapter of the blueprint. */
export type ExamChapterScore = { chapter: number; score: number; maxScore: number };

/**
 * One sitting. The draw is stored, not re-drawn from the seed: it also depends on the question and
 * exercise banks, which may grow. `expired` is an attempt the deadline sweep submitted.
 */
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
    seed: text().notNull(),
    /** Part A's question ids in the attempt's order. */
    questionIds: jsonb().$type<string[]>().notNull(),
    /** Each question's choice ids in the order the learner sees them. */
    choiceOrders: jsonb().$type<Record<string, string[]>>().notNull(),
    /** Part B's exercise ids, one per blueprint slot (core, then advanced). */
    exerciseIds: jsonb().$type<string[]>().notNull(),
    answers: jsonb().$type<Record<string, ExamSavedAnswer>>().notNull().default({}),
    flaggedQuestionIds: jsonb().$type<string[]>().notNull().default([]),
    partAScore: scoreColumn(),
    partAMaxScore: scoreColumn(),
    partAChapters: jsonb().$type<ExamChapterScore[]>(),
    /** The whole exam's score, set once Part B is graded. */
    score: scoreColumn(),
    maxScore: scoreColumn(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deadlineAt: timestamp({ withTimezone: true }).notNull(),
    submittedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.examId),
    uniqueIndex("exam_attempt_one_active").on(t.examId, t.userId).where(sql`${t.status} = 'in-progress'`),
    // The deadline sweep's lookup.
    index("exam_attempt_in_progress_deadline").on(t.deadlineAt).where(sql`${t.status} = 'in-progress'`),
  ],
);
