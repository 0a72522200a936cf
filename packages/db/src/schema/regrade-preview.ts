import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { cohort } from "./cohort";
import { submissionStatus } from "./enums";
import { exercise } from "./exercise";
import { exerciseVersion } from "./exercise-version";
import { scoreColumn } from "./score-column";
import { submission } from "./submission";
import { user } from "./user";

/**
 * A cohort's learners' latest submissions of one exercise graded again against a newer version,
 * apart from their submissions: nothing a learner or the gradebook reads changes until it is
 * applied. One open (unapplied) preview per cohort and exercise; applied ones stay as the record
 * of what the regrade did.
 */
export const regradePreview = pgTable(
  "regrade_preview",
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohort.id, { onDelete: "cascade" }),
    exerciseId: text()
      .notNull()
      .references(() => exercise.id, { onDelete: "cascade" }),
    /** The version every item is graded against: the exercise's current one when the preview started. */
    exerciseVersionId: text()
      .notNull()
      .references(() => exerciseVersion.id, { onDelete: "cascade" }),
    requestedById: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp({ withTimezone: true }),
    appliedById: text().references(() => user.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("regrade_preview_open_unique").on(t.cohortId, t.exerciseId).where(sql`${t.appliedAt} is null`)],
);

/** One learner's latest final submission, graded again; `appliedSubmissionId` is the submission apply recorded. */
export const regradePreviewItem = pgTable(
  "regrade_preview_item",
  {
    id: uuid().primaryKey().defaultRandom(),
    previewId: uuid()
      .notNull()
      .references(() => regradePreview.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    sourceSubmissionId: uuid()
      .notNull()
      .references(() => submission.id, { onDelete: "cascade" }),
    status: submissionStatus().notNull().default("queued"),
    score: scoreColumn(),
    maxScore: scoreColumn(),
    /** The grading report, as a submission's; null when the grader never ran the code. */
    report: jsonb().$type<Record<string, unknown>>(),
    errorMessage: text(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    appliedSubmissionId: uuid().references(() => submission.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex().on(t.previewId, t.userId), index().on(t.status), index().on(t.appliedSubmissionId)],
);
