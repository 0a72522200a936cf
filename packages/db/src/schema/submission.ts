import { sql } from "drizzle-orm";
import { foreignKey, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { submissionMode, submissionStatus } from "./enums";
import { examAttempt } from "./exam-attempt";
import { exercise } from "./exercise";
import { exerciseMilestone } from "./exercise-milestone";
import { exerciseVersion } from "./exercise-version";
import { scoreColumn } from "./score-column";
import { teamProject } from "./team-project";
import { user } from "./user";

export type SubmittedFile = { name: string; content: string };

export const submission = pgTable(
  "submission",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    exerciseId: text()
      .notNull()
      .references(() => exercise.id),
    exerciseVersionId: text()
      .notNull()
      .references(() => exerciseVersion.id),
    examAttemptId: uuid().references(() => examAttempt.id, { onDelete: "set null" }),
    /** A team's submission of its project: the team project it belongs to. */
    teamProjectId: uuid().references(() => teamProject.id, { onDelete: "cascade" }),
    /** Set: graded against this milestone's suite of the exercise (a team-project template) only. */
    milestoneKey: text(),
    mode: submissionMode().notNull().default("submit"),
    status: submissionStatus().notNull().default("queued"),
    files: jsonb().$type<SubmittedFile[]>().notNull(),
    score: scoreColumn(),
    maxScore: scoreColumn(),
    /** The grading report (version 1); it holds summaries of hidden tests, never their source. */
    report: jsonb().$type<Record<string, unknown>>(),
    errorMessage: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.userId, t.exerciseId, t.createdAt),
    // A learner's latest submission of any kind (their last activity) in one probe.
    index().on(t.userId, t.createdAt),
    index().on(t.status),
    index().on(t.examAttemptId),
    // The cohort dashboard's graded submissions (Submit, final, outside exams), with every column its
    // per-learner reads need, so they are index-only scans instead of ~75 heap pages per learner; in
    // the gradebook's order of best (score, then earliest), so picking each cell's best sorts nothing.
    index("submission_graded_best")
      .on(t.userId, t.exerciseId, t.score.desc().nullsLast(), t.createdAt, t.id, t.status)
      .where(sql`${t.mode} = 'submit' and ${t.examAttemptId} is null and ${t.status} in ('passed', 'failed', 'error', 'timeout')`),
    // A team project's submissions per milestone, newest last: its best result and its history.
    index().on(t.teamProjectId, t.milestoneKey, t.createdAt),
    // A submission names only a milestone its exercise has (a null key checks nothing).
    foreignKey({ name: "submission_milestone_fk", columns: [t.exerciseId, t.milestoneKey], foreignColumns: [exerciseMilestone.exerciseId, exerciseMilestone.key] }),
  ],
);
