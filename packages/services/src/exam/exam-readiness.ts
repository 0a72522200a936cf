import { examBlueprint, getSection, gradeQuizAnswers, loadCurriculum } from "@academy/content";
import type { Db } from "@academy/db";
import { and, eq, ne, schema } from "@academy/db";

import type { Clock } from "./clock";
import { systemClock } from "./clock";
import { findBankQuestion } from "./exam-bank";
import { gradePartA } from "./grade-part-a";

/** An answer counts half as much every two weeks: what a learner knew a month ago says less about today. */
const HALF_LIFE_DAYS = 14;
/** Below this many answered questions in a chapter, no estimate is given. */
const MIN_ANSWERS = 5;
const DAY_MS = 24 * 60 * 60_000;

type Evidence = { chapter: number; isCorrect: boolean; answeredAt: Date };

async function listQuizEvidence(db: Db, userId: string): Promise<Evidence[]> {
  const attempts = await db
    .select({ sectionId: schema.quizAttempt.sectionId, answers: schema.quizAttempt.answers, createdAt: schema.quizAttempt.createdAt })
    .from(schema.quizAttempt)
    .where(eq(schema.quizAttempt.userId, userId));
  return attempts.flatMap(({ sectionId, answers, createdAt }) => {
    const section = getSection(sectionId);
    if (!section) return [];
    return gradeQuizAnswers(section.quiz, answers)
      .questions.filter((q) => q.selected.length > 0)
      .map((q) => ({ chapter: section.chapter, isCorrect: q.isCorrect, answeredAt: createdAt }));
  });
}

/** Only finished mock exams: a scheduled exam's answers would tell its score before the instructor releases it. */
async function listMockExamEvidence(db: Db, userId: string): Promise<Evidence[]> {
  const { examAttempt, exam } = schema;
  const attempts = await db
    .select({ questionIds: examAttempt.questionIds, answers: examAttempt.answers, submittedAt: examAttempt.submittedAt })
    .from(examAttempt)
    .innerJoin(exam, eq(exam.id, examAttempt.examId))
    .where(and(eq(examAttempt.userId, userId), eq(exam.kind, "mock"), ne(examAttempt.status, "in-progress")));
  return attempts.flatMap(({ questionIds, answers, submittedAt }) =>
    gradePartA(questionIds, answers)
      .questions.filter((q) => q.selected.length > 0)
      .map((q) => ({ chapter: findBankQuestion(q.questionId).chapter, isCorrect: q.isCorrect, answeredAt: submittedAt! })),
  );
}

/**
 * Per exam chapter, how ready the learner looks, from every quiz question and mock exam Part A
 * question they answered (unanswered ones say nothing and are left out):
 *
 *   estimate = Σ wᵢ · correctᵢ / Σ wᵢ,   wᵢ = 0.5 ^ (ageᵢ in days / 14)
 *
 * a recent-weighted share of answers right, as a percentage. With fewer than 5 answers in a
 * chapter the state is "not-enough-data" and there is no estimate.
 */
export async function getExamReadiness(db: Db, userId: string, clock: Clock = systemClock) {
  const now = clock().getTime();
  const evidence = [...(await listQuizEvidence(db, userId)), ...(await listMockExamEvidence(db, userId))];
  const titles = new Map(loadCurriculum().chapters.map((chapter) => [chapter.number, chapter.title]));
  const chapters = examBlueprint.partA.chapters.map(({ chapter }) => {
    const answers = evidence.filter((e) => e.chapter === chapter);
    let weights = 0;
    let weightedCorrect = 0;
    for (const answer of answers) {
      const weight = 0.5 ** (Math.max(0, now - answer.answeredAt.getTime()) / DAY_MS / HALF_LIFE_DAYS);
      weights += weight;
      if (answer.isCorrect) weightedCorrect += weight;
    }
    const hasEnough = answers.length >= MIN_ANSWERS;
    return {
      chapter,
      title: titles.get(chapter) ?? `Chapter ${chapter}`,
      answered: answers.length,
      state: hasEnough ? ("estimated" as const) : ("not-enough-data" as const),
      estimatePercent: hasEnough ? Math.round((1000 * weightedCorrect) / weights) / 10 : null,
    };
  });
  return { minAnswers: MIN_ANSWERS, halfLifeDays: HALF_LIFE_DAYS, passPercent: examBlueprint.passPercent, chapters };
}
