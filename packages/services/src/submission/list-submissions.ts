import type { Db } from "@academy/db";
import { and, desc, eq, isNull, schema, sql } from "@academy/db";

/** A stored report means the learner's code ran; an error without one is the grader's failure, not theirs. */
export const hasReportColumn = sql<boolean>`${schema.submission.report} is not null`;

export async function listSubmissions(db: Db, userId: string, options: { exerciseId?: string; limit: number }) {
  return db
    .select({
      id: schema.submission.id,
      exerciseId: schema.submission.exerciseId,
      mode: schema.submission.mode,
      status: schema.submission.status,
      score: schema.submission.score,
      maxScore: schema.submission.maxScore,
      hasReport: hasReportColumn,
      createdAt: schema.submission.createdAt,
      finishedAt: schema.submission.finishedAt,
      commentCount: sql<number>`(select count(*) from submission_comment c where c.submission_id = submission.id)`.mapWith(Number),
    })
    .from(schema.submission)
    // Practice only: an exam's submissions are shown with its result.
    .where(and(eq(schema.submission.userId, userId), isNull(schema.submission.examAttemptId), options.exerciseId ? eq(schema.submission.exerciseId, options.exerciseId) : undefined))
    .orderBy(desc(schema.submission.createdAt))
    .limit(options.limit);
}
