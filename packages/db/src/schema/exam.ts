import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { cohort } from "./cohort";
import { examKind } from "./enums";
import { user } from "./user";

/**
 * The blueprint the exam was set with, as `@academy/content`'s `examBlueprintSchema` defines it; the
 * content package validates it when read, so its shape has one owner.
 */
export type ExamBlueprintSnapshot = Record<string, unknown>;

/** A scheduled exam (a cohort, a window) or the standing mock exam. */
export const exam = pgTable(
  "exam",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    kind: examKind().notNull().default("mock"),
    durationMinutes: integer().notNull().default(90),
    blueprint: jsonb().$type<ExamBlueprintSnapshot>().notNull(),
    cohortId: uuid().references(() => cohort.id, { onDelete: "cascade" }),
    opensAt: timestamp({ withTimezone: true }),
    closesAt: timestamp({ withTimezone: true }),
    createdById: text().references(() => user.id),
    /** A scheduled exam's scores reach its learners only once its instructor releases them. */
    resultsReleasedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The one standing mock exam, created on first use: concurrent first starts insert it once.
  (t) => [uniqueIndex("exam_one_mock").on(t.kind).where(sql`${t.kind} = 'mock'`), index().on(t.cohortId)],
);
