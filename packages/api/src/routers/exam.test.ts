import { getSection, type QuizQuestion } from "@academy/content";
import { eq, schema } from "@academy/db";
import { createTestDb, seedExercise, seedUser } from "@academy/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

function findQuestion(id: string): QuizQuestion {
  return getSection(id.slice(0, id.indexOf("-")))!.quiz.questions.find((q) => q.id === id)!;
}

/** Every key of a serialized response, at any depth. */
function keysOf(response: unknown): string[] {
  const keys = new Set<string>();
  JSON.stringify(superjson.serialize(response).json, (key, value: unknown) => {
    keys.add(key);
    return value;
  });
  return [...keys];
}

describe("exam procedures", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    for (const difficulty of ["core", "advanced"] as const) await seedExercise(testDb.db, { difficulty, kind: "implement" });
  });
  afterAll(() => testDb.close());

  it("sends no right answer and no explanation before submission, and both after", async () => {
    const learner = await seedUser(testDb.db);
    const caller = createTestCaller(testDb.db, learner);
    const started = await caller.exam.startMock();
    const { attemptId } = started;
    const attempt = await caller.exam.getAttempt({ attemptId });
    const questions = attempt.questions.map((q) => findQuestion(q.id));
    const [first, second] = questions;
    const responses: unknown[] = [
      started,
      attempt,
      await caller.exam.startMock(),
      await caller.exam.saveAnswer({ attemptId, questionId: first!.id, choiceIds: first!.answer }),
      await caller.exam.saveAnswer({ attemptId, questionId: second!.id, choiceIds: [second!.choices.find((c) => !second!.answer.includes(c.id))!.id] }),
      await caller.exam.flag({ attemptId, questionId: second!.id, isFlagged: true }),
      await caller.exam.getAttempt({ attemptId }),
      await caller.exam.history(),
    ];
    await expect(caller.exam.result({ attemptId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("still in progress") });

    const text = responses.map((response) => JSON.stringify(superjson.serialize(response).json)).join("\n");
    // Searched as the JSON holds it; the same search finds every explanation in the result below.
    const asInJson = (explanation: string) => JSON.stringify(explanation).slice(1, -1);
    expect(questions.filter((q) => text.includes(asInJson(q.explanation))).map((q) => q.id)).toEqual([]);
    expect(responses.flatMap(keysOf).filter((key) => /correct|explanation|solution|hidden|^answer$|seed/i.test(key))).toEqual([]);
    // The learner's own selections come back; nothing marks which choice is right.
    expect((await caller.exam.getAttempt({ attemptId })).answers.map((a) => a.questionId).sort()).toEqual([first!.id, second!.id].sort());

    const submitted = await caller.exam.submit({ attemptId });
    expect(submitted).toMatchObject({ status: "submitted", partAScore: 1, partAMaxScore: 40 });
    const result = await caller.exam.result({ attemptId });
    const resultText = JSON.stringify(superjson.serialize(result).json);
    expect(questions.filter((q) => !resultText.includes(asInJson(q.explanation))).map((q) => q.id)).toEqual([]);
    expect(result.questions.find((q) => q.id === first!.id)).toMatchObject({ isCorrect: true, correct: first!.answer, selected: first!.answer });
    expect(result.questions.find((q) => q.id === second!.id)).toMatchObject({ isCorrect: false, correct: second!.answer });
    expect(result.partA.chapters.reduce((sum, c) => sum + c.maxScore, 0)).toBe(40);
    expect((await caller.exam.history()).map((h) => [h.attemptId, h.status, h.partAScore])).toEqual([[attemptId, "submitted", 1]]);
    await expect(caller.exam.saveAnswer({ attemptId, questionId: second!.id, choiceIds: second!.answer })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("has been submitted"),
    });
  });

  it("lets no other learner read, answer, flag or submit someone's attempt", async () => {
    const owner = await seedUser(testDb.db);
    const ownerCaller = createTestCaller(testDb.db, owner);
    const { attemptId } = await ownerCaller.exam.startMock();
    const [question] = (await ownerCaller.exam.getAttempt({ attemptId })).questions;
    const saved = await ownerCaller.exam.saveAnswer({ attemptId, questionId: question!.id, choiceIds: [question!.choices[0]!.id] });

    const intruder = createTestCaller(testDb.db, await seedUser(testDb.db));
    const notFound = { code: "NOT_FOUND", message: expect.stringContaining("no such exam attempt of yours") };
    await expect(intruder.exam.getAttempt({ attemptId })).rejects.toMatchObject(notFound);
    await expect(intruder.exam.saveAnswer({ attemptId, questionId: question!.id, choiceIds: [question!.choices[1]!.id] })).rejects.toMatchObject(notFound);
    await expect(intruder.exam.flag({ attemptId, questionId: question!.id, isFlagged: true })).rejects.toMatchObject(notFound);
    await expect(intruder.exam.submit({ attemptId })).rejects.toMatchObject(notFound);
    await expect(intruder.exam.result({ attemptId })).rejects.toMatchObject(notFound);
    expect(await intruder.exam.history()).toEqual([]);

    const [row] = await testDb.db.select({ status: schema.examAttempt.status, answers: schema.examAttempt.answers, flags: schema.examAttempt.flaggedQuestionIds }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId));
    expect(row).toEqual({ status: "in-progress", answers: { [question!.id]: { choiceIds: saved.choiceIds, savedAt: saved.savedAt.toISOString() } }, flags: [] });

    const visitor = createTestCaller(testDb.db, null);
    await expect(visitor.exam.startMock()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(visitor.exam.getAttempt({ attemptId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses malformed input with a clear message", async () => {
    const caller = createTestCaller(testDb.db, await seedUser(testDb.db));
    await expect(caller.exam.getAttempt({ attemptId: "not-an-id" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Unknown exam attempt") });
    const { attemptId } = await caller.exam.startMock();
    await expect(caller.exam.saveAnswer({ attemptId, questionId: "<script>", choiceIds: ["a"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.exam.saveAnswer({ attemptId, questionId: "1.1-x", choiceIds: ["z"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
