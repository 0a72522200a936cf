import { listChapters } from "@academy/content";
import { and, eq, schema } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { ensureMockExam } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

const DAY = 86_400_000;
const now = Date.now();
const daysAgo = (days: number) => new Date(now - days * DAY);
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Four learners, one exercise of 10 points, the first chapter's first two lessons and quizzes:
 *   Ada  read both lessons yesterday; quiz 1 at 2/5 then 4/5 (best 80 %, passed); exercise 10 (100 %)
 *   Ben  read lesson 1 and took quiz 1 at 1/5, ten days ago; exercise 2 (20 %), ten days ago
 *   Cy   joined now, nothing done (0 %)
 *   Dee  joined twenty days ago, nothing done (0 %)
 * Median progress 10 % (of 100, 20, 0, 0), so "far behind" is under 5 %: Cy and Dee.
 * Ada's mock exam: two questions of chapter 1, the first answered right, the second wrong.
 */
async function seedFixture(db: Awaited<ReturnType<typeof createTestDb>>["db"]) {
  const instructor = await seedUser(db, { role: "instructor" });
  const [ada, ben, cy, dee] = [await seedUser(db, { name: "Ada" }), await seedUser(db, { name: "Ben" }), await seedUser(db, { name: "Cy" }), await seedUser(db, { name: "Dee" })];
  const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: [ada!.id, ben!.id, cy!.id, dee!.id] });
  await db
    .update(schema.cohortMembership)
    .set({ joinedAt: daysAgo(20) })
    .where(and(eq(schema.cohortMembership.cohortId, cohort.id), eq(schema.cohortMembership.userId, dee!.id)));
  const exercise = await seedExercise(db, { title: "Items" });
  await seedSubmission(db, { userId: ada!.id, exerciseId: exercise.id, status: "passed", score: 10, maxScore: 10, createdAt: daysAgo(1) });
  await seedSubmission(db, { userId: ben!.id, exerciseId: exercise.id, status: "failed", score: 2, maxScore: 10, createdAt: daysAgo(10) });

  const chapter = listChapters()[0]!;
  const [s1, s2] = chapter.sections;
  await db.insert(schema.lessonProgress).values([
    { userId: ada!.id, sectionId: s1!.id, readAt: daysAgo(1) },
    { userId: ada!.id, sectionId: s2!.id, readAt: daysAgo(1) },
    { userId: ben!.id, sectionId: s1!.id, readAt: daysAgo(10) },
  ]);
  const [adaFirstQuiz, adaBestQuiz, benQuiz] = await db
    .insert(schema.quizAttempt)
    .values([
      { userId: ada!.id, sectionId: s1!.id, answers: {}, score: 2, maxScore: 5, createdAt: daysAgo(2) },
      { userId: ada!.id, sectionId: s1!.id, answers: {}, score: 4, maxScore: 5, createdAt: daysAgo(1) },
      { userId: ben!.id, sectionId: s1!.id, answers: {}, score: 1, maxScore: 5, createdAt: daysAgo(10) },
    ])
    .returning({ id: schema.quizAttempt.id });

  const [q1, q2] = s1!.quiz.questions;
  const wrong = q2!.choices.find((choice) => !q2!.answer.includes(choice.id))!.id;
  const exam = await ensureMockExam(db);
  const [attempt] = await db
    .insert(schema.examAttempt)
    .values({
      examId: exam.id,
      userId: ada!.id,
      status: "submitted",
      seed: "fixture",
      questionIds: [q1!.id, q2!.id],
      choiceOrders: {},
      exerciseIds: [],
      answers: { [q1!.id]: { choiceIds: q1!.answer, savedAt: daysAgo(1).toISOString() }, [q2!.id]: { choiceIds: [wrong], savedAt: daysAgo(1).toISOString() } },
      partAScore: 1,
      partAMaxScore: 2,
      partAChapters: [{ chapter: chapter.number, score: 1, maxScore: 2 }],
      startedAt: daysAgo(1),
      deadlineAt: new Date(daysAgo(1).getTime() + 90 * 60_000),
      submittedAt: daysAgo(1),
    })
    .returning({ id: schema.examAttempt.id });
  return { instructor, ada: ada!, ben: ben!, cy: cy!, dee: dee!, cohort, chapter, s1: s1!, s2: s2!, quizzes: { adaFirstQuiz, adaBestQuiz, benQuiz }, exam, attempt: attempt!, q1: q1!, q2: q2! };
}

describe("cohort progress views on a hand-computed fixture", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let f: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    f = await seedFixture(testDb.db);
  });
  afterAll(() => testDb.close());

  it("gives quiz results and lessons read per chapter and section, with the learners behind each count", async () => {
    const results = await createTestCaller(testDb.db, f.instructor).cohort.curriculumResults({ cohortId: f.cohort.id });
    expect(results.learnerCount).toBe(4);
    const chapter = results.chapters[0]!;
    expect(chapter.number).toBe(f.chapter.number);
    expect(chapter.lessonsReadPercent).toBe(Math.round((3 / (f.chapter.sections.length * 4)) * 10_000) / 100);
    expect(chapter.meanQuizPercent).toBe(50);
    const [first, second] = chapter.sections;
    expect(first!.readLearnerIds.toSorted()).toEqual([f.ada.id, f.ben.id].toSorted());
    expect(first!.quiz.takenLearnerIds.toSorted()).toEqual([f.ada.id, f.ben.id].toSorted());
    expect(first!.quiz).toMatchObject({ passedLearnerIds: [f.ada.id], attempts: 3, meanBestPercent: 50 });
    expect(first!.quiz.bestAttemptIds.toSorted()).toEqual([f.quizzes.adaBestQuiz!.id, f.quizzes.benQuiz!.id].toSorted());
    expect(second).toMatchObject({ id: f.s2.id, readLearnerIds: [f.ada.id], quiz: { takenLearnerIds: [], attempts: 0, meanBestPercent: null } });
  });

  it("lists the learners at risk with the reasons in words", async () => {
    const caller = createTestCaller(testDb.db, f.instructor);
    const atRisk = await caller.cohort.learnersAtRisk({ cohortId: f.cohort.id });
    expect(atRisk).toMatchObject({ inactiveDays: 7, medianProgressPercent: 10, farBehindBelowPercent: 5 });
    expect(atRisk.learners.map((learner) => [learner.name, learner.reasons.map((reason) => reason.text)])).toEqual([
      ["Ben", [`No activity for 10 days (last on ${day(daysAgo(10))}).`]],
      ["Cy", ["Progress 0 % is below half the cohort's median of 10 %."]],
      ["Dee", [`No activity since joining 20 days ago (${day(daysAgo(20))}).`, "Progress 0 % is below half the cohort's median of 10 %."]],
    ]);
    const lenient = await caller.cohort.learnersAtRisk({ cohortId: f.cohort.id, inactiveDays: 30 });
    expect(lenient.learners.map((learner) => [learner.name, learner.reasons.map((reason) => reason.kind)])).toEqual([
      ["Cy", ["far-behind"]],
      ["Dee", ["far-behind"]],
    ]);
  });

  it("gives the mock exam's score distribution, chapter means and question facility", async () => {
    const { exams } = await createTestCaller(testDb.db, f.instructor).cohort.examResults({ cohortId: f.cohort.id });
    expect(exams).toHaveLength(1);
    const [exam] = exams;
    expect(exam).toMatchObject({ examId: f.exam.id, kind: "mock", meanPercent: 50, chapters: [{ chapter: f.chapter.number, attemptCount: 1, meanPercent: 50 }] });
    expect(exam!.attempts).toEqual([{ attemptId: f.attempt.id, learnerId: f.ada.id, status: "submitted", partAScore: 1, partAMaxScore: 2, score: null, maxScore: null, partAPercent: 50, percent: 50, submittedAt: expect.any(Date) }]);
    expect(exam!.distribution.find((band) => band.attemptIds.length > 0)).toEqual({ fromPercent: 50, toPercent: 59, attemptIds: [f.attempt.id] });
    expect(exam!.questions.map((q) => [q.questionId, q.drawnCount, q.facilityPercent, q.correctAttemptIds, q.wrongAttemptIds])).toEqual([
      [f.q1.id, 1, 100, [f.attempt.id], []],
      [f.q2.id, 1, 0, [], [f.attempt.id]],
    ]);
  });

  it("gives a learner's whole activity, newest first", async () => {
    const activity = await createTestCaller(testDb.db, f.instructor).cohort.learnerActivity({ cohortId: f.cohort.id, learnerId: f.ada.id });
    expect(activity.learner).toMatchObject({ id: f.ada.id, name: "Ada" });
    expect(activity.submissions).toMatchObject([{ exerciseTitle: "Items", score: 10, status: "passed", commentCount: 0 }]);
    expect(activity.quizAttempts.map((quiz) => quiz.id)).toEqual([f.quizzes.adaBestQuiz!.id, f.quizzes.adaFirstQuiz!.id]);
    expect(activity.lessonsRead.map((lesson) => lesson.sectionId).toSorted()).toEqual([f.s1.id, f.s2.id].toSorted());
    expect(activity.examAttempts).toMatchObject([{ id: f.attempt.id, examKind: "mock", status: "submitted", partAScore: 1, partAMaxScore: 2 }]);
  });
});
