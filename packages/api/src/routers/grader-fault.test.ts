import { createTestDb, seedSubmission, seedUser } from "@academy/db/testing";
import { syncExercises } from "@academy/services";
import { repoExercisesDir } from "@academy/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

describe("an error of the grader, told apart from an error in the learner's code", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
  });
  afterAll(() => testDb.close());

  it("lists whether each attempt has a report, in the history and on the dashboard", async () => {
    const learner = await seedUser(testDb.db);
    const exerciseId = "basic-greeting-api";
    const ownError = await seedSubmission(testDb.db, {
      userId: learner.id,
      exerciseId,
      status: "error",
      score: 0,
      maxScore: 10,
      report: { version: 1, status: "error", output: "SyntaxError in main.py, line 2" },
    });
    const graderFailure = await seedSubmission(testDb.db, {
      userId: learner.id,
      exerciseId,
      status: "error",
      errorMessage: "The grader could not run your code. Your submission is saved: submit it again in a moment.",
    });
    const caller = createTestCaller(testDb.db, learner);

    const history = new Map((await caller.submission.list({ exerciseId })).map((attempt) => [attempt.id, attempt.hasReport]));
    expect(history).toEqual(new Map([[ownError.id, true], [graderFailure.id, false]]));
    const recent = new Map((await caller.exercise.progress()).recent.map((attempt) => [attempt.id, attempt.hasReport]));
    expect(recent).toEqual(history);
  });
});
