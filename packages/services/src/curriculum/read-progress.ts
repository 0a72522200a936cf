import type { Db } from "@academy/db";
import { and, asc, eq, schema, sql } from "@academy/db";

export type BestScore = { score: number; maxScore: number };

/** Section ids the learner marked as read. */
export async function listReadSectionIds(db: Db, userId: string, sectionId?: string): Promise<Set<string>> {
  const rows = await db
    .select({ sectionId: schema.lessonProgress.sectionId })
    .from(schema.lessonProgress)
    .where(sectionId ? and(eq(schema.lessonProgress.userId, userId), eq(schema.lessonProgress.sectionId, sectionId)) : eq(schema.lessonProgress.userId, userId));
  return new Set(rows.map((row) => row.sectionId));
}

/** The best attempt per section, by ratio (a quiz may gain questions between attempts). */
export async function listBestQuizScores(db: Db, userId: string, sectionId?: string): Promise<Map<string, BestScore>> {
  const { quizAttempt } = schema;
  const rows = await db
    .selectDistinctOn([quizAttempt.sectionId], { sectionId: quizAttempt.sectionId, score: quizAttempt.score, maxScore: quizAttempt.maxScore })
    .from(quizAttempt)
    .where(sectionId ? and(eq(quizAttempt.userId, userId), eq(quizAttempt.sectionId, sectionId)) : eq(quizAttempt.userId, userId))
    .orderBy(asc(quizAttempt.sectionId), sql`${quizAttempt.score}::float / greatest(${quizAttempt.maxScore}, 1) desc`, asc(quizAttempt.createdAt));
  return new Map(rows.map(({ sectionId: id, score, maxScore }) => [id, { score, maxScore }]));
}
