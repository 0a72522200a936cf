import { createTestDb, seedSubmission, seedUser } from "@academy/db/testing";
import { createGradingPorts, syncExercises } from "@academy/services";
import { repoExercisesDir } from "@academy/services/testing";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";

import type { ErrorLocation } from "@academy/submission-lifecycle";

import { createTestCaller } from "../testing/create-test-caller";

const exerciseId = "basic-greeting-api";
const report = {
  version: 1,
  exerciseId,
  status: "error",
  score: 0,
  maxScore: 10,
  tests: [],
  output: "Your code could not be run: SyntaxError in main.py, line 2: '(' was never closed",
  limits: { timedOut: false, oomKilled: false, outputTruncated: false },
  timing: { queuedMs: 3, containerMs: 200, testsMs: 0, totalMs: 250 },
  scope: "all",
  errorLocation: { file: "main.py", line: 2 },
};

describe("submissions leave the API typed", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir });
  });
  afterAll(async () => {
    await grading?.close();
    await testDb?.close();
  });

  it("returns the report as the report schema reads it, error location included, and nothing the schema does not name", async () => {
    const learner = await seedUser(testDb.db);
    const stored = { ...report, internalNote: "kept in the row, not sent" };
    const submission = await seedSubmission(testDb.db, { userId: learner.id, exerciseId, status: "error", score: 0, maxScore: 10, report: stored });
    const caller = createTestCaller(testDb.db, learner, grading.ports);

    const detail = await caller.submission.get({ id: submission.id });
    expect(detail.report).toEqual(report);
    expect(detail.report?.errorLocation).toEqual({ file: "main.py", line: 2 });
    expectTypeOf(detail.report!.errorLocation).toEqualTypeOf<ErrorLocation | null | undefined>();

    const updates = (await caller.submission.onStatus({ id: submission.id }))[Symbol.asyncIterator]();
    const first = await updates.next();
    expect(first.value).toEqual(detail);
    expect((await updates.next()).done).toBe(true);

    expect(await caller.submission.list({ exerciseId, limit: 50 })).toEqual([
      { id: submission.id, exerciseId, mode: "submit", status: "error", score: 0, maxScore: 10, hasReport: true, createdAt: submission.createdAt, finishedAt: null, commentCount: 0 },
    ]);
  });

  it("reads a stored report that does not validate as none, rather than failing the request", async () => {
    const learner = await seedUser(testDb.db);
    const broken = { version: 1, status: "error", output: "SyntaxError in main.py, line 2" };
    const submission = await seedSubmission(testDb.db, { userId: learner.id, exerciseId, status: "error", report: broken });
    const detail = await createTestCaller(testDb.db, learner, grading.ports).submission.get({ id: submission.id });
    expect(detail).toMatchObject({ id: submission.id, status: "error", report: null });
  });
});
