import type { Db } from "@academy/db";
import { and, desc, eq, schema, sql } from "@academy/db";

import type { CohortViewer } from "./cohort-access";
import { findTaughtLearner, isExamOfCohort, isSubmissionOfCohort } from "./cohort-learner";

function readSubmissions(db: Db, cohortId: string, learnerId: string) {
  const s = schema.submission;
  return db
    .select({
      id: s.id,
      exerciseId: s.exerciseId,
      exerciseTitle: schema.exercise.title,
      mode: s.mode,
      status: s.status,
      score: s.score,
      maxScore: s.maxScore,
      examAttemptId: s.examAttemptId,
      createdAt: s.createdAt,
      finishedAt: s.finishedAt,
      commentCount: sql<number>`(select count(*) from submission_comment c where c.submission_id = submission.id)`.mapWith(Number),
    })
    .from(s)
    .innerJoin(schema.exercise, eq(schema.exercise.id, s.exerciseId))
    .where(and(eq(s.userId, learnerId), isSubmissionOfCohort(cohortId)))
    .orderBy(desc(s.createdAt), desc(s.id));
}

function readQuizAttempts(db: Db, learnerId: string) {
  const q = schema.quizAttempt;
  return db
    .select({ id: q.id, sectionId: q.sectionId, score: q.score, maxScore: q.maxScore, createdAt: q.createdAt })
    .from(q)
    .where(eq(q.userId, learnerId))
    .orderBy(desc(q.createdAt));
}

function readLessonsRead(db: Db, learnerId: string) {
  const l = schema.lessonProgress;
  return db.select({ sectionId: l.sectionId, readAt: l.readAt }).from(l).where(eq(l.userId, learnerId)).orderBy(desc(l.readAt));
}

function readExamAttempts(db: Db, cohortId: string, learnerId: string) {
  const a = schema.examAttempt;
  return db
    .select({
      id: a.id,
      examId: a.examId,
      examTitle: schema.exam.title,
      examKind: schema.exam.kind,
      status: a.status,
      partAScore: a.partAScore,
      partAMaxScore: a.partAMaxScore,
      score: a.score,
      maxScore: a.maxScore,
      startedAt: a.startedAt,
      submittedAt: a.submittedAt,
    })
    .from(a)
    .innerJoin(schema.exam, eq(schema.exam.id, a.examId))
    .where(and(eq(a.userId, learnerId), isExamOfCohort(cohortId)))
    .orderBy(desc(a.startedAt));
}

/**
 * Everything a learner of the cohort did, newest first: submissions (both modes, exams' too), quizzes,
 * lessons read, exams; of their exam and team work only the mock exam's and this cohort's.
 */
export async function getCohortLearnerActivity(db: Db, input: { cohortId: string; learnerId: string; viewer: CohortViewer }) {
  const { learner } = await findTaughtLearner(db, input);
  const [submissions, quizAttempts, lessonsRead, examAttempts] = await Promise.all([
    readSubmissions(db, input.cohortId, learner.id),
    readQuizAttempts(db, learner.id),
    readLessonsRead(db, learner.id),
    readExamAttempts(db, input.cohortId, learner.id),
  ]);
  return { learner, submissions, quizAttempts, lessonsRead, examAttempts };
}
