import { readFile } from "node:fs/promises";
import path from "node:path";

import { createCaller, createContextInner, toSessionUser } from "@academy/api";
import { examBlueprint } from "@academy/content";
import { eq, schema } from "@academy/db";
import { seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fixtureExercisesDir, spawnGrader } from "./testing/grader-process";
import { openGradingDb, waitForFinal, type GradingDb } from "./testing/submission-state";

describe("a mock exam's Part B graded by a real grader", () => {
  let testDb: GradingDb;
  beforeAll(async () => {
    testDb = await openGradingDb();
    // The fixtures as the blueprint's two Part B slots: greeting-in-thirds grades its starter 6.67 of 10.
    await testDb.db.update(schema.exercise).set({ difficulty: "core" }).where(eq(schema.exercise.id, "greeting-in-thirds"));
    await testDb.db.update(schema.exercise).set({ difficulty: "advanced" }).where(eq(schema.exercise.id, "slow-greeting"));
  });
  afterAll(() => testDb?.close());

  it("grades a submission of an attempt already submitted, then settles its score and pushes the result live", async () => {
    const learner = await seedUser(testDb.db);
    const caller = createCaller(createContextInner({ db: testDb.db, grading: testDb.ports, user: toSessionUser(learner) }));
    const { attemptId } = await caller.exam.startMock();
    const { exercises } = await caller.exam.getAttempt({ attemptId });
    expect(exercises.map((e) => e.id)).toEqual(["greeting-in-thirds", "slow-greeting"]);
    const content = await readFile(path.join(fixtureExercisesDir, "greeting-in-thirds", "starter", "main.py"), "utf8");
    const sent = await caller.exam.submitPartB({ attemptId, exerciseId: "greeting-in-thirds", files: [{ name: "main.py", content }] });

    // No grader runs yet, so the attempt is submitted with its grading still queued.
    await caller.exam.submit({ attemptId });
    const live = (await caller.exam.onResult({ attemptId }))[Symbol.asyncIterator]();
    expect((await live.next()).value).toMatchObject({ grading: "grading", score: null });

    const grader = spawnGrader(testDb.url);
    try {
      const graded = await waitForFinal(testDb.db, sent.submissionId, 120_000, grader.output);
      expect(graded, grader.output()).toMatchObject({ status: "failed", score: 6.67, examAttemptId: attemptId });
      const next = await live.next();
      if (next.done) throw new Error("the result stream ended before Part B was final");
      // Part A: nothing answered. Part B: 6.67 of 10 and nothing sent, the two weighing alike.
      const partBPercent = 33.35;
      const expected = Math.round(partBPercent * examBlueprint.partB.weightPercent) / 100;
      expect(next.value).toMatchObject({ grading: "final", score: expected, isPassed: false, partB: { percent: partBPercent } });
      expect(next.value.partB.exercises[0]).toMatchObject({ grading: "graded", bestSubmissionId: sent.submissionId, bestScore: 6.67 });
      expect(next.value.partB.exercises[0]!.report?.tests.map((t) => t.status).sort()).toEqual(["failed", "passed", "passed"]);
      const [row] = await testDb.db.select({ score: schema.examAttempt.score }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId));
      expect(row).toEqual({ score: expected });
    } finally {
      await live.return?.();
      grader.child.kill("SIGTERM");
      expect(await grader.exited, grader.output()).toBe(0);
    }
  });
});
