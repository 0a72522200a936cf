import { createTestDb, seedCohort, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

describe("procedure access by role", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  it("refuses signed-out callers with UNAUTHORIZED and a readable message", async () => {
    const caller = createTestCaller(testDb.db, null);
    await expect(caller.dashboard.summary()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    await expect(caller.cohort.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses learners on instructor procedures with FORBIDDEN", async () => {
    const learner = await seedUser(testDb.db);
    await expect(createTestCaller(testDb.db, learner).cohort.list()).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only instructors can open this page.",
    });
  });

  it("lets an instructor list only their own cohorts, an admin all of them", async () => {
    const instructor = await seedUser(testDb.db, { role: "instructor" });
    const otherInstructor = await seedUser(testDb.db, { role: "instructor" });
    const admin = await seedUser(testDb.db, { role: "admin" });
    const learners = await Promise.all([seedUser(testDb.db), seedUser(testDb.db)]);
    const mine = await seedCohort(testDb.db, { instructorId: instructor.id, memberIds: learners.map((l) => l.id) });
    const theirs = await seedCohort(testDb.db, { instructorId: otherInstructor.id });

    const forInstructor = await createTestCaller(testDb.db, instructor).cohort.list();
    expect(forInstructor).toEqual([{ id: mine.id, name: mine.name, memberCount: 2, archivedAt: null }]);

    const forAdmin = await createTestCaller(testDb.db, admin).cohort.list();
    expect(forAdmin.map((c) => c.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it("shows a learner their own dashboard figures from the database", async () => {
    const instructor = await seedUser(testDb.db, { role: "instructor" });
    const learner = await seedUser(testDb.db);
    const cohort = await seedCohort(testDb.db, { instructorId: instructor.id, memberIds: [learner.id] });
    const summary = await createTestCaller(testDb.db, learner).dashboard.summary();
    expect(summary).toEqual({ lessonsRead: 0, quizzesTaken: 0, exercisesPassed: 0, cohorts: [{ id: cohort.id, name: cohort.name }] });
    expect((await createTestCaller(testDb.db, instructor).dashboard.summary()).cohorts).toEqual([]);
  });
});
