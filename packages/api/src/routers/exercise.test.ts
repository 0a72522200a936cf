import { resolveExercisesDir } from "@academy/exercises";
import { createTestDb, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { syncExercises } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

describe("exercise procedures", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, resolveExercisesDir());
  });
  afterAll(() => testDb.close());

  it("lists every exercise in curriculum order with the caller's own status and best score", async () => {
    const learner = await seedUser(testDb.db);
    const other = await seedUser(testDb.db);
    const db = testDb.db;
    await seedSubmission(db, { userId: learner.id, exerciseId: "basic-greeting-api", status: "failed", score: 4, maxScore: 10 });
    await seedSubmission(db, { userId: learner.id, exerciseId: "basic-greeting-api", status: "passed", score: 10, maxScore: 10 });
    await seedSubmission(db, { userId: learner.id, exerciseId: "json-body-notes-intro", status: "failed", score: 3, maxScore: 10 });
    // "Run visible tests" counts for nothing, and neither does another learner's pass.
    await seedSubmission(db, { userId: learner.id, exerciseId: "get-product-catalog", mode: "run-visible", status: "passed", score: 0 });
    await seedSubmission(db, { userId: other.id, exerciseId: "post-tasks-created", status: "passed", score: 10 });
    await seedExercise(db, { id: "retired-exercise", section: "1.1", isArchived: true });

    const list = await createTestCaller(db, learner).exercise.list();
    expect(list).toHaveLength(40);
    expect(list.map((e) => e.id)).not.toContain("retired-exercise");
    const sections = list.map((e) => e.section.split(".").map(Number));
    expect(sections).toEqual([...sections].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));

    const byId = new Map(list.map((e) => [e.id, e]));
    expect(byId.get("basic-greeting-api")).toMatchObject({
      title: "Your first FastAPI application",
      section: "3.1",
      chapter: 3,
      difficulty: "intro",
      points: 10,
      kind: "implement",
      status: "passed",
      attempts: 2,
      bestScore: 10,
    });
    expect(byId.get("basic-greeting-api")!.chapterTitle).not.toBe("");
    expect(byId.get("json-body-notes-intro")).toMatchObject({ status: "attempted", bestScore: 3, attempts: 1 });
    expect(byId.get("get-product-catalog")).toMatchObject({ status: "not-started", bestScore: null, attempts: 0 });
    expect(byId.get("post-tasks-created")).toMatchObject({ status: "not-started", bestScore: null });
  });

  it("gives the workspace the task, starter files and visible tests, and app/ for write-tests", async () => {
    const caller = createTestCaller(testDb.db, await seedUser(testDb.db));
    const greeting = await caller.exercise.get({ id: "basic-greeting-api" });
    expect(greeting).toMatchObject({ id: "basic-greeting-api", files: ["main.py"], entrypoint: "main.py", kind: "implement", appFiles: [] });
    expect(greeting.readme).toMatch(/^# Your first FastAPI application/);
    expect(greeting.starterFiles.map((f) => f.name)).toEqual(["main.py"]);
    expect(greeting.starterFiles[0]!.content).toContain("TODO");
    expect(greeting.visibleTests.map((f) => f.name)).toEqual(["test_basics_visible.py"]);

    const writeTests = await caller.exercise.get({ id: "price-quote-unit-tests" });
    expect(writeTests.kind).toBe("write-tests");
    expect(writeTests.appFiles.map((f) => f.name)).toContain(writeTests.entrypoint);
    expect(Object.keys(writeTests).sort()).toEqual(Object.keys(greeting).sort());
  });

  it("answers NOT_FOUND for an unknown or archived exercise", async () => {
    const caller = createTestCaller(testDb.db, await seedUser(testDb.db));
    await expect(caller.exercise.get({ id: "no-such-exercise" })).rejects.toMatchObject({ code: "NOT_FOUND", message: 'There is no exercise "no-such-exercise".' });
    await seedExercise(testDb.db, { id: "archived-one", isArchived: true });
    await expect(caller.exercise.get({ id: "archived-one" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.exercise.get({ id: "../etc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers NOT_FOUND for a team-project template: it is worked on in a team, not as a solo exercise", async () => {
    const caller = createTestCaller(testDb.db, await seedUser(testDb.db));
    await expect(caller.exercise.get({ id: "library-loans-team-project" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: 'There is no exercise "library-loans-team-project".',
    });
  });

  it("refuses signed-out callers", async () => {
    const caller = createTestCaller(testDb.db, null);
    await expect(caller.exercise.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.exercise.get({ id: "basic-greeting-api" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.exercise.progress()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("sums practice progress per chapter and suggests finishing what was started", async () => {
    const learner = await seedUser(testDb.db);
    const caller = createTestCaller(testDb.db, learner);
    const fresh = await caller.exercise.progress();
    expect(fresh.totals).toMatchObject({ total: 40, passed: 0, pointsEarned: 0 });
    expect(fresh.recent).toEqual([]);
    expect(fresh.next).toMatchObject({ reason: "start", section: (await caller.exercise.list())[0]!.section });

    await seedSubmission(testDb.db, { userId: learner.id, exerciseId: "basic-greeting-api", status: "passed", score: 10, maxScore: 10 });
    await seedSubmission(testDb.db, { userId: learner.id, exerciseId: "json-body-notes-intro", status: "failed", score: 6, maxScore: 10 });
    const progress = await caller.exercise.progress();
    const chapter3 = progress.chapters.find((c) => c.chapter === 3)!;
    const list = await caller.exercise.list();
    const inChapter3 = list.filter((e) => e.chapter === 3);
    const jsonBody = list.find((e) => e.id === "json-body-notes-intro")!;
    expect(chapter3).toMatchObject({ total: inChapter3.length, points: inChapter3.reduce((s, e) => s + e.points, 0) });
    expect(chapter3.passed).toBe(1);
    expect(progress.totals).toMatchObject({ passed: 1, pointsEarned: 16 });
    expect(progress.chapters.reduce((s, c) => s + c.total, 0)).toBe(40);
    expect(progress.next).toEqual({ id: "json-body-notes-intro", title: jsonBody.title, section: jsonBody.section, difficulty: jsonBody.difficulty, reason: "continue" });
    expect(progress.recent.map((r) => r.exerciseId)).toEqual(["json-body-notes-intro", "basic-greeting-api"]);
  });
});
