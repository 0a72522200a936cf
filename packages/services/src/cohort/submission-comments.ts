import type { Db } from "@academy/db";
import { asc, eq, inArray, schema } from "@academy/db";

import type { CohortViewer } from "./cohort-access";
import { findTaughtSubmission } from "./cohort-learner";

/** A comment's length limit: a paragraph or two of feedback, not an essay. */
export const COMMENT_MAX_LENGTH = 4000;

const commentColumns = {
  id: schema.submissionComment.id,
  submissionId: schema.submissionComment.submissionId,
  authorId: schema.submissionComment.authorId,
  authorName: schema.user.name,
  body: schema.submissionComment.body,
  createdAt: schema.submissionComment.createdAt,
};

/** The comments on the given submissions, oldest first, with their author's name. */
export async function listSubmissionComments(db: Db, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select(commentColumns)
    .from(schema.submissionComment)
    .innerJoin(schema.user, eq(schema.user.id, schema.submissionComment.authorId))
    .where(inArray(schema.submissionComment.submissionId, submissionIds))
    .orderBy(asc(schema.submissionComment.createdAt), asc(schema.submissionComment.id));
}

/** An instructor of the cohort comments on a submission of one of its learners. */
export async function addSubmissionComment(db: Db, input: { cohortId: string; submissionId: string; body: string; viewer: CohortViewer }) {
  await findTaughtSubmission(db, input);
  const [comment] = await db
    .insert(schema.submissionComment)
    .values({ submissionId: input.submissionId, authorId: input.viewer.id, body: input.body })
    .returning({ id: schema.submissionComment.id });
  const [created] = await db
    .select(commentColumns)
    .from(schema.submissionComment)
    .innerJoin(schema.user, eq(schema.user.id, schema.submissionComment.authorId))
    .where(eq(schema.submissionComment.id, comment!.id));
  return created!;
}
