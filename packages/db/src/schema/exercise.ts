import { boolean, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

import { difficulty, exerciseKind, isolationMode } from "./enums";

/** One row per exercise folder; the current version is the latest exercise_version row. */
export const exercise = pgTable("exercise", {
  id: text().primaryKey(),
  title: text().notNull(),
  section: text().notNull(),
  difficulty: difficulty().notNull().default("core"),
  points: integer().notNull().default(10),
  kind: exerciseKind().notNull().default("implement"),
  isolation: isolationMode().notNull().default("process"),
  entrypoint: text().notNull().default("main.py"),
  files: jsonb().$type<string[]>().notNull(),
  timeoutSeconds: integer().notNull().default(10),
  currentVersionId: text(),
  /** A team-project template (its folder has milestones): graded for teams, left out of solo practice and exams. */
  isTeamTemplate: boolean().notNull().default(false),
  isArchived: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
