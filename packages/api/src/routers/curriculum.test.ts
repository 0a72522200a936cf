import { getSection } from "@academy/content";
import { and, eq, schema } from "@academy/db";
import { createTestDb, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

const quiz = getSection("2.3")!.quiz;
const rightAnswers = Object.fromEntries(quiz.questions.map((q) => [q.id, q.answer]));

/** The right answers with the first question answered wrong. */
function oneWrong() {
  const first = quiz.questions[0]!;
  const wrong = first.choices.find((c) => !first.answer.includes(c.id))!.id;
  return { ...rightAnswers, [first.id]: [wrong] };
}

describe("curriculum, lesson and quiz procedures", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  it("shows a visitor the curriculum and lessons without progress, and asks them to sign in for the rest", async () => {
    const caller = createTestCaller(testDb.db, null);
    const chapters = await caller.curriculum.list();
    expect(chapters).toHaveLength(10);
    expect(chapters.flatMap((c) => c.sections)).toHaveLength(48);
    expect(chapters.flatMap((c) => c.sections).every((s) => !s.isRead && s.bestScore === null)).toBe(true);
    expect(await caller.curriculum.get({ sectionId: "1.1" })).not.toHaveProperty("isRead");
    await expect(caller.lesson.progress({ sectionId: "1.1" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.lesson.markRead({ sectionId: "1.1" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.quiz.get({ sectionId: "1.1" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.curriculum.progress()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("returns a lesson with its neighbours and practice exercises", async () => {
    const caller = createTestCaller(testDb.db, await seedUser(testDb.db));
    const lesson = await caller.curriculum.get({ sectionId: "2.3" });
    expect(lesson).toMatchObject({ id: "2.3", title: "Dependency Injection", chapter: { number: 2, title: "Core Concepts" } });
    expect(lesson.previous).toEqual({ id: "2.2", title: "Understanding Pydantic Models" });
    expect(lesson.next).toEqual({ id: "2.4", title: "Routing and Path Operations" });
    expect(lesson.exercises.length).toBeGreaterThan(0);
    expect(lesson.exercises.every((e) => e.section === "2.3" && e.id && e.title)).toBe(true);
    expect((await caller.curriculum.get({ sectionId: "1.1" })).previous).toBeNull();
    expect((await caller.curriculum.get({ sectionId: "5.1" })).previous).toMatchObject({ id: "4.6" });
    expect((await caller.curriculum.get({ sectionId: "10.4" })).next).toBeNull();
  });

  it("refuses unknown and malformed sections with messages a learner can act on", async () => {
    const caller = createTestCaller(testDb.db, await seedUser(testDb.db));
    await expect(caller.curriculum.get({ sectionId: "9.9" })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("no lesson 9.9") });
    await expect(caller.curriculum.get({ sectionId: "intro" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.lesson.markRead({ sectionId: "9.9" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.lesson.progress({ sectionId: "9.9" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stores the read flag per learner, idempotently, and can clear it", async () => {
    const learner = await seedUser(testDb.db);
    const other = await seedUser(testDb.db);
    const caller = createTestCaller(testDb.db, learner);
    await caller.lesson.markRead({ sectionId: "2.3" });
    await caller.lesson.markRead({ sectionId: "2.3" });
    expect(await caller.lesson.progress({ sectionId: "2.3" })).toEqual({ sectionId: "2.3", isRead: true, bestScore: null, isQuizPassed: false });
    const rows = await testDb.db.select().from(schema.lessonProgress).where(eq(schema.lessonProgress.userId, learner.id));
    expect(rows.map((r) => r.sectionId)).toEqual(["2.3"]);
    expect((await createTestCaller(testDb.db, other).lesson.progress({ sectionId: "2.3" })).isRead).toBe(false);

    await caller.lesson.markRead({ sectionId: "2.3", isRead: false });
    expect((await caller.lesson.progress({ sectionId: "2.3" })).isRead).toBe(false);
  });

  it("sends quiz questions without answers or explanations", async () => {
    const caller = createTestCaller(testDb.db, await seedUser(testDb.db));
    const shown = await caller.quiz.get({ sectionId: "2.3" });
    expect(shown.questions.map((q) => q.id)).toEqual(quiz.questions.map((q) => q.id));
    const json = JSON.stringify(shown);
    expect(json).not.toMatch(/"answer"|"explanation"/);
    for (const question of quiz.questions) expect(json).not.toContain(JSON.stringify(question.explanation).slice(1, 40));
    expect(shown.bestScore).toBeNull();
  });

  it("grades a submission, stores the attempt and returns the right answers with explanations", async () => {
    const learner = await seedUser(testDb.db);
    const caller = createTestCaller(testDb.db, learner);
    const result = await caller.quiz.submit({ sectionId: "2.3", answers: oneWrong() });
    expect(result).toMatchObject({ score: quiz.questions.length - 1, maxScore: quiz.questions.length, isPassed: true });
    expect(result.questions[0]).toMatchObject({ questionId: quiz.questions[0]!.id, isCorrect: false, correct: quiz.questions[0]!.answer });
    expect(result.questions.every((q) => q.explanation.length > 40)).toBe(true);

    const [row] = await testDb.db
      .select()
      .from(schema.quizAttempt)
      .where(and(eq(schema.quizAttempt.userId, learner.id), eq(schema.quizAttempt.sectionId, "2.3")));
    expect(row).toMatchObject({ id: result.attemptId, score: quiz.questions.length - 1, maxScore: quiz.questions.length, answers: oneWrong() });
  });

  it("keeps the best score across attempts and lists attempts newest first", async () => {
    const learner = await seedUser(testDb.db);
    const caller = createTestCaller(testDb.db, learner);
    await caller.quiz.submit({ sectionId: "2.3", answers: oneWrong() });
    await caller.quiz.submit({ sectionId: "2.3", answers: rightAnswers });
    const last = await caller.quiz.submit({ sectionId: "2.3", answers: {} });
    expect(last).toMatchObject({ score: 0, isPassed: false, bestScore: { score: quiz.questions.length, maxScore: quiz.questions.length } });

    const { attempts, bestScore, isPassed } = await caller.quiz.attempts({ sectionId: "2.3" });
    expect(attempts.map((a) => a.score)).toEqual([0, quiz.questions.length, quiz.questions.length - 1]);
    expect(bestScore).toEqual({ score: quiz.questions.length, maxScore: quiz.questions.length });
    expect(isPassed).toBe(true);
    expect((await caller.quiz.get({ sectionId: "2.3" })).bestScore).toEqual(bestScore);
    const listed = (await caller.curriculum.list()).flatMap((c) => c.sections).find((s) => s.id === "2.3");
    expect(listed).toMatchObject({ bestScore, isQuizPassed: true });
    expect(await caller.lesson.progress({ sectionId: "2.3" })).toMatchObject({ bestScore, isQuizPassed: true });

    const other = createTestCaller(testDb.db, await seedUser(testDb.db));
    expect((await other.quiz.attempts({ sectionId: "2.3" })).attempts).toEqual([]);
  });

  it("refuses answers that do not fit the quiz", async () => {
    const caller = createTestCaller(testDb.db, await seedUser(testDb.db));
    const single = quiz.questions.find((q) => q.kind === "single")!;
    await expect(caller.quiz.submit({ sectionId: "2.3", answers: { "2.3-no-such-question": ["a"] } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("2.3-no-such-question is not a question of section 2.3"),
    });
    await expect(caller.quiz.submit({ sectionId: "2.3", answers: { [single.id]: ["a", "b"] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.quiz.submit({ sectionId: "2.3", answers: { [single.id]: ["<script>"] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.quiz.submit({ sectionId: "9.9", answers: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("summarises progress per chapter and suggests the next unread lesson", async () => {
    const learner = await seedUser(testDb.db);
    const caller = createTestCaller(testDb.db, learner);
    const fresh = await caller.curriculum.progress();
    expect(fresh).toMatchObject({ lessonCount: 48, lessonsRead: 0, quizzesPassed: 0, quizScores: [], continueWith: { id: "1.1", title: "What is FastAPI?" } });

    await caller.lesson.markRead({ sectionId: "2.4" });
    await caller.lesson.markRead({ sectionId: "2.3" });
    await caller.quiz.submit({ sectionId: "2.3", answers: oneWrong() });
    await caller.quiz.submit({ sectionId: "1.1", answers: {} });
    const progress = await caller.curriculum.progress();
    expect(progress.lessonsRead).toBe(2);
    expect(progress.quizzesPassed).toBe(1);
    expect(progress.chapters[1]).toEqual({ number: 2, title: "Core Concepts", lessonCount: 5, lessonsRead: 2, quizzesPassed: 1 });
    // 2.3 was read last and 2.4 is read already.
    expect(progress.continueWith).toEqual({ id: "2.5", title: "Request and Response Models" });
    expect(progress.quizScores.map((q) => [q.sectionId, q.score, q.isPassed])).toEqual([
      ["1.1", 0, false],
      ["2.3", quiz.questions.length - 1, true],
    ]);
  });

  it("searches lessons, lesson 2.3 first for dependency injection", async () => {
    const results = await createTestCaller(testDb.db, null).curriculum.search({ query: "dependency injection" });
    expect(results[0]).toMatchObject({ sectionId: "2.3", title: "Dependency Injection" });
    await expect(createTestCaller(testDb.db, null).curriculum.search({ query: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
