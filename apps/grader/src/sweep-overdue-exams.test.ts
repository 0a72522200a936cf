import { setTimeout as sleep } from "node:timers/promises";

import { eq, schema } from "@academy/db";
import { createTestDb, seedExercise, seedUser } from "@academy/db/testing";
import { startMockExam } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLogger } from "./logger";
import { startOverdueExamSweep } from "./sweep-overdue-exams";

describe("the grader's overdue-exam sweep", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    for (const difficulty of ["core", "advanced"] as const) await seedExercise(testDb.db, { difficulty, kind: "implement" });
  });
  afterAll(() => testDb?.close());

  const readStatus = async (attemptId: string) =>
    (await testDb.db.select({ status: schema.examAttempt.status }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId)))[0]!.status;

  it("submits an abandoned attempt on its own timer and leaves one with time left", async () => {
    // A day ago: past any exam's duration.
    const startedLongAgo = new Date(Date.now() - 24 * 60 * 60_000);
    const abandoned = await startMockExam(testDb.db, (await seedUser(testDb.db)).id, () => startedLongAgo);
    const running = await startMockExam(testDb.db, (await seedUser(testDb.db)).id);
    const sweep = startOverdueExamSweep({ db: testDb.db, intervalSeconds: 1, logger: createLogger("silent") });
    try {
      const waitUntil = Date.now() + 60_000;
      while ((await readStatus(abandoned.attemptId)) === "in-progress" && Date.now() < waitUntil) await sleep(200);
      expect(await readStatus(abandoned.attemptId)).toBe("expired");
      expect(await readStatus(running.attemptId)).toBe("in-progress");
    } finally {
      await sweep.stop();
    }
  });
});
