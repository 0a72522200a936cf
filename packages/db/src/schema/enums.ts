import { pgEnum } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["learner", "instructor", "admin"]);
export const difficulty = pgEnum("difficulty", ["intro", "core", "advanced"]);
export const exerciseKind = pgEnum("exercise_kind", ["implement", "write-tests"]);
export const isolationMode = pgEnum("isolation_mode", ["process", "in-process"]);
export const submissionStatus = pgEnum("submission_status", ["queued", "running", "passed", "failed", "error", "timeout"]);
export const submissionMode = pgEnum("submission_mode", ["submit", "run-visible"]);
export const testStatus = pgEnum("test_status", ["passed", "failed", "error", "skipped"]);
export const testVisibility = pgEnum("test_visibility", ["visible", "hidden"]);
export const examKind = pgEnum("exam_kind", ["mock", "exam"]);
export const examAttemptStatus = pgEnum("exam_attempt_status", ["in-progress", "submitted", "expired"]);
export const taskStatus = pgEnum("task_status", ["todo", "doing", "review", "done"]);
export const cohortRole = pgEnum("cohort_role", ["learner", "instructor"]);
export const milestoneStatus = pgEnum("milestone_status", ["planned", "active", "done"]);
