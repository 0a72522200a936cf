import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";
import { findGradingPlace, readGradingPace } from "@academy/queue";

import { listSubmissionComments } from "../cohort/submission-comments";
import { DomainError } from "../domain-error";
import { examSubmissionHidden, isHiddenExamSubmissionSql } from "../exam/hidden-exam-submission";

/** The columns a learner may see: the report holds hidden tests' names and summaries, never their source. */
export const publicSubmissionColumns = {
  id: schema.submission.id,
  exerciseId: schema.submission.exerciseId,
  exerciseVersionId: schema.submission.exerciseVersionId,
  mode: schema.submission.mode,
  status: schema.submission.status,
  score: schema.submission.score,
  maxScore: schema.submission.maxScore,
  files: schema.submission.files,
  report: schema.submission.report,
  errorMessage: schema.submission.errorMessage,
  createdAt: schema.submission.createdAt,
  startedAt: schema.submission.startedAt,
  finishedAt: schema.submission.finishedAt,
};

export async function getSubmission(db: Db, userId: string, submissionId: string) {
  const [found] = await db
    .select({ ...publicSubmissionColumns, isHidden: isHiddenExamSubmissionSql })
    .from(schema.submission)
    .where(and(eq(schema.submission.id, submissionId), eq(schema.submission.userId, userId)));
  if (!found) throw new DomainError("NOT_FOUND", "No such submission of yours.");
  // An exam's score and report wait for its result, on every route.
  const { isHidden, ...row } = found;
  if (isHidden) throw examSubmissionHidden();
  const [wait, comments] = await Promise.all([
    row.status === "queued" ? estimateWait(db, row.id) : { queuePosition: null, estimatedWaitSeconds: null },
    listSubmissionComments(db, [row.id]),
  ]);
  // Instructors' comments on it, as its learner reads them.
  return { ...row, ...wait, comments: comments.map(({ id, authorName, body, createdAt }) => ({ id, authorName, body, createdAt })) };
}

const sqlExecutor = (db: Db) => ({ executeSql: (text: string, values: unknown[]) => db.$client.query(text, values) });

/** 1 means next to be graded: only the jobs a grader will take before this one count (see the queue's lanes). */
export async function getQueuePosition(db: Db, submissionId: string) {
  return ((await findGradingPlace(sqlExecutor(db), submissionId))?.ahead ?? 0) + 1;
}

/**
 * The place in line and the wait until the result, in whole seconds. The jobs ahead are shared
 * out over the slots grading now (the jobs active: while jobs wait, every working grader's every
 * slot has one), each taking the lane's median recent grading time, and then this one's own
 * grading: median × (ahead ÷ slots + 1). Null without a recent grading in its lane to go by.
 */
export async function estimateWait(db: Db, submissionId: string) {
  const executor = sqlExecutor(db);
  const place = await findGradingPlace(executor, submissionId);
  // No waiting job: a grader has just taken it.
  if (!place) return { queuePosition: 1, estimatedWaitSeconds: null };
  const pace = await readGradingPace(executor, place.priority);
  const slots = Math.max(1, pace.activeJobs);
  const estimatedWaitSeconds = pace.medianSeconds === null ? null : Math.max(1, Math.round(pace.medianSeconds * (place.ahead / slots + 1)));
  return { queuePosition: place.ahead + 1, estimatedWaitSeconds };
}
