import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { cohort } from "./cohort";
import { examKind } from "./enums";
import { user } from "./user";

export type ExamBlueprint = {
  questionsPerChapter: Record<string, number>;
  exercises: { difficulty: "intro" | "core" | "advanced"; count: number }[];
  questionWeight: number;
  exerciseWeight: number;
  passPercent: number;
};

/** A scheduled exam (a cohort, a window) or the standing mock exam. */
export const exam = pgTable("exam", {
  id: uuid().primaryKey().defaultRandom(),
  title: text().notNull(),
  kind: examKind().notNull().default("mock"),
  durationMinutes: integer().notNull().default(90),
  blueprint: jsonb().$type<ExamBlueprint>().notNull(),
  cohortId: uuid().references(() => cohort.id, { onDelete: "cascade" }),
  opensAt: timestamp({ withTimezone: true }),
  closesAt: timestamp({ withTimezone: true }),
  createdById: text().references(() => user.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
