import { drawExam, examBlueprint, getSection, type QuizQuestion } from "@academy/content";
import { eq, schema } from "@academy/db";
import { createTestDb, seedExercise, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Clock } from "./clock";
import { listSyncedExamExercises, readExamQuestionBank } from "./exam-bank";
import { getExamAttempt } from "./get-exam-attempt";
import { getExamResult } from "./get-exam-result";
import { flagExamQuestion, saveExamAnswer } from "./save-exam-answer";
import { startMockExam } from "./start-mock-exam";
import { expireOverdueAttempts, submitExamAttempt } from "./submit-exam-attempt";

const MINUTE = 60_000;
const startTime = new Date("2026-03-02T09:00:00.000Z");
const at = (minutes: number): Clock => () => new Date(startTime.getTime() + minutes * MINUTE);
const duration = examBlueprint.durationMinutes;

function findQuestion(id: string): QuizQuestion {
  return getSection(id.slice(0, id.indexOf("-")))!.quiz.questions.find((q) => q.id === id)!;
}

function wrongChoice(question: QuizQuestion): string {
  return question.choices.find((c) => !question.answer.includes(c.id))!.id;
}

describe("mock exams", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  const db = () => testDb.db;
  const readRow = async (attemptId: string) => (await db().select().from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId)))[0]!;

  beforeAll(async () => {
    testDb = await createTestDb();
    for (const difficulty of ["intro", "core", "core", "advanced", "advanced"] as const) await seedExercise(testDb.db, { difficulty, kind: "implement" });
    await seedExercise(testDb.db, { difficulty: "advanced", kind: "write-tests" });
  });
  afterAll(() => testDb.close());

  it("draws by the blueprint, stores the draw, and serves it unchanged on every read", async () => {
    const learner = await seedUser(db());
    const started = await startMockExam(db(), learner.id, at(0));
    expect(started).toMatchObject({ isResumed: false, deadlineAt: at(duration)() });
    const row = await readRow(started.attemptId);
    // The stored draw is the seed's draw on today's banks.
    const redrawn = drawExam({ blueprint: examBlueprint, questionBank: readExamQuestionBank().questionBank, exercises: await listSyncedExamExercises(db()), seed: row.seed });
    expect(row.questionIds).toEqual(redrawn.questions.map((q) => q.id));
    expect(row.choiceOrders).toEqual(Object.fromEntries(redrawn.questions.map((q) => [q.id, q.choices.map((c) => c.id)])));
    expect(row.exerciseIds).toEqual(redrawn.exercises.map((e) => e.id));
    expect(new Set(row.questionIds).size).toBe(examBlueprint.partA.questionCount);
    for (const { chapter, questions } of examBlueprint.partA.chapters) {
      expect(row.questionIds.filter((id) => id.startsWith(`${chapter}.`)), `chapter ${chapter}`).toHaveLength(questions);
    }
    const exercises = await db().select({ id: schema.exercise.id, difficulty: schema.exercise.difficulty, kind: schema.exercise.kind }).from(schema.exercise);
    expect(row.exerciseIds.map((id) => exercises.find((e) => e.id === id))).toEqual([
      expect.objectContaining({ difficulty: "core", kind: "implement" }),
      expect.objectContaining({ difficulty: "advanced", kind: "implement" }),
    ]);

    const first = await getExamAttempt(db(), learner.id, started.attemptId, at(1));
    expect(first.questions.map((q) => q.id)).toEqual(row.questionIds);
    for (const q of first.questions) {
      expect(q.choices.map((c) => c.id)).toEqual(row.choiceOrders[q.id]);
      expect(q.chapter).toBe(Number(q.section.split(".")[0]));
    }
    expect(first.exercises.map((e) => e.id)).toEqual(row.exerciseIds);
    expect(first).toMatchObject({ status: "in-progress", deadlineAt: at(duration)(), now: at(1)() });
    expect(await getExamAttempt(db(), learner.id, started.attemptId, at(30))).toMatchObject({ questions: first.questions, exercises: first.exercises });

    const other = await startMockExam(db(), (await seedUser(db())).id, at(0));
    expect((await readRow(other.attemptId)).questionIds).not.toEqual(row.questionIds);
  });

  it("returns the attempt in progress on a second start, also when two starts race", async () => {
    const learner = await seedUser(db());
    const first = await startMockExam(db(), learner.id, at(0));
    const again = await startMockExam(db(), learner.id, at(5));
    expect(again).toEqual({ attemptId: first.attemptId, deadlineAt: first.deadlineAt, isResumed: true });

    const racer = await seedUser(db());
    const raced = await Promise.all([startMockExam(db(), racer.id, at(0)), startMockExam(db(), racer.id, at(0))]);
    expect(raced[0].attemptId).toBe(raced[1].attemptId);
    const rows = await db().select({ id: schema.examAttempt.id }).from(schema.examAttempt).where(eq(schema.examAttempt.userId, racer.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses answers and flags at and after the deadline, and keeps what was saved before", async () => {
    const learner = await seedUser(db());
    const { attemptId } = await startMockExam(db(), learner.id, at(0));
    const { questionIds } = await readRow(attemptId);
    const [q1, q2] = questionIds.map(findQuestion);
    await saveExamAnswer(db(), learner.id, { attemptId, questionId: q1!.id, choiceIds: q1!.answer }, at(10));
    await flagExamQuestion(db(), learner.id, { attemptId, questionId: q1!.id, isFlagged: true }, at(11));

    const late = saveExamAnswer(db(), learner.id, { attemptId, questionId: q2!.id, choiceIds: [q2!.choices[0]!.id] }, at(duration));
    await expect(late).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/^Time is up: .*not saved\. The answers saved before the deadline are kept\.$/) });
    const overwrite = saveExamAnswer(db(), learner.id, { attemptId, questionId: q1!.id, choiceIds: [wrongChoice(q1!)] }, at(duration + 1));
    await expect(overwrite).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(flagExamQuestion(db(), learner.id, { attemptId, questionId: q2!.id, isFlagged: true }, at(duration))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });

    const row = await readRow(attemptId);
    expect(row.status).toBe("in-progress");
    expect(Object.keys(row.answers)).toEqual([q1!.id]);
    expect(row.answers[q1!.id]).toEqual({ choiceIds: q1!.answer, savedAt: at(10)().toISOString() });
    expect(row.flaggedQuestionIds).toEqual([q1!.id]);

    const result = await getExamResult(db(), learner.id, attemptId, at(duration + 2));
    expect(result).toMatchObject({ status: "expired", submittedAt: at(duration)(), partA: { score: 1, maxScore: 40 } });
    expect(result.questions.find((q) => q.id === q1!.id)).toMatchObject({ selected: q1!.answer, isCorrect: true });
    await expect(saveExamAnswer(db(), learner.id, { attemptId, questionId: q2!.id, choiceIds: [] }, at(duration + 3))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This exam has been submitted, so it can no longer change. The answers saved before are kept.",
    });
  });

  it("refuses answers that do not fit the attempt", async () => {
    const learner = await seedUser(db());
    const { attemptId } = await startMockExam(db(), learner.id, at(0));
    const { questionIds } = await readRow(attemptId);
    const single = questionIds.map(findQuestion).find((q) => q.kind === "single")!;
    const notDrawn = "1.1-not-in-this-exam";
    await expect(saveExamAnswer(db(), learner.id, { attemptId, questionId: notDrawn, choiceIds: ["a"] }, at(1))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(saveExamAnswer(db(), learner.id, { attemptId, questionId: single.id, choiceIds: ["f"] }, at(1))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("has no choice f"),
    });
    const twoPicks = single.choices.slice(0, 2).map((c) => c.id);
    await expect(saveExamAnswer(db(), learner.id, { attemptId, questionId: single.id, choiceIds: twoPicks }, at(1))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("takes a single choice"),
    });
    expect((await readRow(attemptId)).answers).toEqual({});
  });

  it("scores Part A by question id with a per-chapter breakdown, once, however often it is submitted", async () => {
    const learner = await seedUser(db());
    const { attemptId } = await startMockExam(db(), learner.id, at(0));
    const questions = (await readRow(attemptId)).questionIds.map(findQuestion);
    const right = questions.filter((_, i) => i % 3 === 0);
    const wrong = questions.filter((_, i) => i % 3 === 1);
    for (const q of right) await saveExamAnswer(db(), learner.id, { attemptId, questionId: q.id, choiceIds: q.answer }, at(2));
    for (const q of wrong) await saveExamAnswer(db(), learner.id, { attemptId, questionId: q.id, choiceIds: [wrongChoice(q)] }, at(3));
    await expect(getExamResult(db(), learner.id, attemptId, at(4))).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    const submitted = await submitExamAttempt(db(), learner.id, attemptId, at(20));
    expect(submitted).toEqual({ attemptId, status: "submitted", submittedAt: at(20)(), partAScore: right.length, partAMaxScore: 40 });
    expect(await submitExamAttempt(db(), learner.id, attemptId, at(25))).toEqual(submitted);

    const result = await getExamResult(db(), learner.id, attemptId, at(30));
    const expectedChapters = examBlueprint.partA.chapters.map(({ chapter, questions: maxScore }) => ({
      chapter,
      maxScore,
      score: right.filter((q) => q.id.startsWith(`${chapter}.`)).length,
    }));
    expect(result.partA).toMatchObject({ score: right.length, maxScore: 40, percent: (100 * right.length) / 40, weightPercent: examBlueprint.partA.weightPercent });
    expect(result.partA.chapters.map(({ chapter, score, maxScore }) => ({ chapter, score, maxScore }))).toEqual(expectedChapters);
    expect(result.questions.filter((q) => q.isCorrect).map((q) => q.id).sort()).toEqual(right.map((q) => q.id).sort());
    for (const q of result.questions) expect(q.explanation).toBe(findQuestion(q.id).explanation);
    // Nothing sent for Part B: it is final at 0, so the overall score is Part A's weighted share.
    expect(result.partB.exercises.map((e) => e.grading)).toEqual(["not-submitted", "not-submitted"]);
    expect(result).toMatchObject({ grading: "final", score: (right.length / 40) * examBlueprint.partA.weightPercent, isPassed: false, timeUsedSeconds: 20 * 60 });
  });

  it("leaves out a question removed from the curriculum since the draw, alike in the sitting, the grading and the result", async () => {
    const learner = await seedUser(db());
    const { attemptId } = await startMockExam(db(), learner.id, at(0));
    const drawn = (await readRow(attemptId)).questionIds;
    // The first drawn question is taken out of the curriculum: its id stays in the stored attempt.
    const removedId = "1.1-a-question-since-removed";
    await db()
      .update(schema.examAttempt)
      .set({ questionIds: [removedId, ...drawn.slice(1)], choiceOrders: { ...(await readRow(attemptId)).choiceOrders, [removedId]: ["a", "b"] } })
      .where(eq(schema.examAttempt.id, attemptId));
    const kept = drawn.slice(1).map(findQuestion);

    const sitting = await getExamAttempt(db(), learner.id, attemptId, at(1));
    expect(sitting.questions.map((q) => q.id)).toEqual(kept.map((q) => q.id));
    for (const q of kept.slice(0, 2)) await saveExamAnswer(db(), learner.id, { attemptId, questionId: q.id, choiceIds: q.answer }, at(2));
    const submitted = await submitExamAttempt(db(), learner.id, attemptId, at(3));
    expect(submitted).toMatchObject({ partAScore: 2, partAMaxScore: 39 });
    const result = await getExamResult(db(), learner.id, attemptId, at(4));
    expect(result.questions.map((q) => q.id)).toEqual(kept.map((q) => q.id));
    expect(result.partA).toMatchObject({ score: 2, maxScore: 39 });
  });

  it("the deadline sweep submits abandoned attempts and leaves running ones alone", async () => {
    const abandoning = await seedUser(db());
    const abandoned = await startMockExam(db(), abandoning.id, at(0));
    const [question] = (await readRow(abandoned.attemptId)).questionIds.map(findQuestion);
    await saveExamAnswer(db(), abandoning.id, { attemptId: abandoned.attemptId, questionId: question!.id, choiceIds: question!.answer }, at(1));
    const running = await startMockExam(db(), (await seedUser(db())).id, at(60));

    expect(await expireOverdueAttempts(db(), at(duration - 1))).not.toContain(abandoned.attemptId);
    const swept = await expireOverdueAttempts(db(), at(duration + 5));
    expect(swept).toContain(abandoned.attemptId);
    expect(swept).not.toContain(running.attemptId);
    expect(await readRow(abandoned.attemptId)).toMatchObject({ status: "expired", submittedAt: at(duration)(), partAScore: 1, partAMaxScore: 40 });
    expect((await readRow(running.attemptId)).status).toBe("in-progress");
    expect(await expireOverdueAttempts(db(), at(duration + 6))).not.toContain(abandoned.attemptId);

    const restarted = await startMockExam(db(), abandoning.id, at(duration + 10));
    expect(restarted.isResumed).toBe(false);
    expect(restarted.attemptId).not.toBe(abandoned.attemptId);
  });
});
