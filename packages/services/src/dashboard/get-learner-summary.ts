import type { Db } from "@academy/db";
import { and, count, countDistinct, desc, eq, isNull, schema } from "@academy/db";

export async function getLearnerSummary(db: Db, userId: string) {
  const [lessons] = await db.select({ value: count() }).from(schema.lessonProgress).where(eq(schema.lessonProgress.userId, userId));
  const [quizzes] = await db.select({ value: countDistinct(schema.quizAttempt.sectionId) }).from(schema.quizAttempt).where(eq(schema.quizAttempt.userId, userId));
  const [passed] = await db
    .select({ value: countDistinct(schema.submission.exerciseId) })
    .from(schema.submission)
    .where(and(eq(schema.submission.userId, userId), eq(schema.submission.status, "passed"), eq(schema.submission.mode, "submit"), isNull(schema.submission.examAttemptId)));
  const cohorts = await db
    .select({ id: schema.cohort.id, name: schema.cohort.name })
    .from(schema.cohortMembership)
    .innerJoin(schema.cohort, eq(schema.cohort.id, schema.cohortMembership.cohortId))
    // The cohorts they learn in; the ones they teach are on the instructor page.
    .where(and(eq(schema.cohortMembership.userId, userId), eq(schema.cohortMembership.role, "learner")))
    .orderBy(desc(schema.cohortMembership.joinedAt));
  return {
    lessonsRead: lessons?.value ?? 0,
    quizzesTaken: quizzes?.value ?? 0,
    exercisesPassed: passed?.value ?? 0,
    cohorts,
  };
}
