import { createTestDb, seedSubmission, seedUser } from "@academy/db/testing";
import { syncExercises } from "@academy/services";
import { repoExercisesDir } from "@academy/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

describe("fractional scores, as grading reports give them", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
  });
  afterAll(() => testDb.close());

  it("stores, lists and sums two-decimal scores exactly", async () => {
    const learner = await seedUser(testDb.db);
    const db = testDb.db;
    // Both exercises are in chapter 3; 6.67 + 5.45 added as binary floats is 12.120000000000001.
    await seedSubmission(db, { userId: learner.id, exerciseId: "get-product-catalog", status: "failed", score: 2.5, maxScore: 10 });
    await seedSubmission(db, { userId: learner.id, exerciseId: "get-product-catalog", status: "failed", score: 5.45, maxScore: 10 });
    const thirds = await seedSubmission(db, { userId: learner.id, exerciseId: "put-delete-contacts", status: "failed", score: 6.67, maxScore: 10 });
    const caller = createTestCaller(db, learner);

    const listed = await caller.submission.list({});
    expect(listed.map((s) => [s.exerciseId, s.score, s.maxScore])).toEqual(
      expect.arrayContaining([
        ["put-delete-contacts", 6.67, 10],
        ["get-product-catalog", 5.45, 10],
        ["get-product-catalog", 2.5, 10],
      ]),
    );
    expect(await caller.submission.get({ id: thirds.id })).toMatchObject({ score: 6.67, maxScore: 10 });

    const catalogue = new Map((await caller.exercise.list()).map((e) => [e.id, e]));
    expect(catalogue.get("get-product-catalog")).toMatchObject({ bestScore: 5.45, attempts: 2 });
    expect(catalogue.get("put-delete-contacts")).toMatchObject({ bestScore: 6.67, attempts: 1 });

    const progress = await caller.exercise.progress();
    expect(progress.totals.pointsEarned).toBe(12.12);
    expect(progress.chapters.find((c) => c.chapter === 3)?.pointsEarned).toBe(12.12);
    expect(progress.recent.find((r) => r.id === thirds.id)).toMatchObject({ score: 6.67, maxScore: 10 });
  });

  it("holds the score as an exact decimal in the database", async () => {
    const learner = await seedUser(testDb.db);
    const row = await seedSubmission(testDb.db, { userId: learner.id, exerciseId: "basic-greeting-api", status: "failed", score: 3.33, maxScore: 10 });
    const { rows } = await testDb.db.$client.query<{ score: string }>("select score::text as score from submission where id = $1", [row.id]);
    expect(rows).toEqual([{ score: "3.33" }]);
  });
});
