import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";
import { countGradingJobsAhead } from "@academy/queue";

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
  const [queuePosition, comments] = await Promise.all([
    row.status === "queued" ? getQueuePosition(db, row.id) : null,
    listSubmissionComments(db, [row.id]),
  ]);
  // Instructors' comments on it, as its learner reads them.
  return { ...row, queuePosition, comments: comments.map(({ id, authorName, body, createdAt }) => ({ id, authorName, body, createdAt })) };
}

/** 1 means next to be graded: only the jobs a grader will take before this one count (see the queue's lanes). */
export async function getQueuePosition(db: Db, submissionId: string) {
  const executor = { executeSql: (text: string, values: unknown[]) => db.$client.query(text, values) };
  return (await countGradingJobsAhead(executor, submissionId)) + 1;
}
