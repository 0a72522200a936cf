import { schema } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { createGradingPorts } from "@academy/services";
import { repoExercisesDir } from "@academy/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

describe("the cohort dashboard's procedures refuse everyone but the cohort's instructors and admins", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir });
  });
  afterAll(async () => {
    await grading?.close();
    await testDb?.close();
  });

  it("refuses another instructor and a learner (even one of the cohort) on every procedure, changes nothing, and lets an admin in", async () => {
    const { db } = testDb;
    const owner = await seedUser(db, { role: "instructor" });
    const stranger = await seedUser(db, { role: "instructor" });
    const learner = await seedUser(db);
    const admin = await seedUser(db, { role: "admin" });
    const cohort = await seedCohort(db, { instructorId: owner.id, memberIds: [learner.id] });
    await seedCohort(db, { instructorId: stranger.id });
    const exercise = await seedExercise(db);
    const submission = await seedSubmission(db, { userId: learner.id, exerciseId: exercise.id, status: "failed", score: 3.33, maxScore: 10 });
    const input = { cohortId: cohort.id };

    const calls = (caller: ReturnType<typeof createTestCaller>) => ({
      exerciseResults: () => caller.cohort.exerciseResults({ ...input, exerciseId: exercise.id }),
      curriculumResults: () => caller.cohort.curriculumResults(input),
      examResults: () => caller.cohort.examResults(input),
      learnersAtRisk: () => caller.cohort.learnersAtRisk(input),
      learnerActivity: () => caller.cohort.learnerActivity({ ...input, learnerId: learner.id }),
      submission: () => caller.cohort.submission({ ...input, submissionId: submission.id }),
      addComment: () => caller.cohort.addComment({ ...input, submissionId: submission.id, body: "Taken over" }),
      exportGradebookCsv: () => caller.cohort.exportGradebookCsv(input),
      exportExerciseResultsCsv: () => caller.cohort.exportExerciseResultsCsv({ ...input, exerciseId: exercise.id }),
      watch: async () => {
        const events = await caller.cohort.watch(input);
        const iterator = events[Symbol.asyncIterator]();
        try {
          return await iterator.next();
        } finally {
          await iterator.return?.();
        }
      },
    });

    for (const [name, call] of Object.entries(calls(createTestCaller(db, stranger, grading.ports)))) {
      await expect(call(), name).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only this cohort's instructors can see or change it." });
    }
    for (const [name, call] of Object.entries(calls(createTestCaller(db, learner, grading.ports)))) {
      await expect(call(), name).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.select({ id: schema.submissionComment.id }).from(schema.submissionComment)).toEqual([]);

    for (const [name, call] of Object.entries(calls(createTestCaller(db, admin, grading.ports)))) {
      await expect(call(), name).resolves.toBeDefined();
    }
    const asOwner = createTestCaller(db, owner, grading.ports);
    expect((await asOwner.cohort.submission({ ...input, submissionId: submission.id })).comments.map((c) => c.body)).toEqual(["Taken over"]);
  });

  it("opens only the cohort's own learners: another cohort's learner and an instructor's own work are not found", async () => {
    const { db } = testDb;
    const owner = await seedUser(db, { role: "instructor" });
    const learner = await seedUser(db);
    const elsewhere = await seedUser(db);
    const cohort = await seedCohort(db, { instructorId: owner.id, memberIds: [learner.id] });
    await seedCohort(db, { instructorId: owner.id, memberIds: [elsewhere.id] });
    const exercise = await seedExercise(db);
    const theirs = await seedSubmission(db, { userId: elsewhere.id, exerciseId: exercise.id, status: "passed", score: 10, maxScore: 10 });
    const ownWork = await seedSubmission(db, { userId: owner.id, exerciseId: exercise.id, status: "passed", score: 10, maxScore: 10 });
    const caller = createTestCaller(db, owner);

    for (const learnerId of [elsewhere.id, owner.id]) {
      await expect(caller.cohort.learnerActivity({ cohortId: cohort.id, learnerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    for (const submissionId of [theirs.id, ownWork.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(caller.cohort.submission({ cohortId: cohort.id, submissionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.cohort.addComment({ cohortId: cohort.id, submissionId, body: "Hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(caller.cohort.learnersAtRisk({ cohortId: cohort.id, inactiveDays: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
