import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

describe("comments on submissions and the instructor's submission page", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  it("shows the instructor the code, tests, previous attempt and comments; the learner sees the comment, another learner does not", async () => {
    const { db } = testDb;
    const instructor = await seedUser(db, { role: "instructor", name: "Grace" });
    const learner = await seedUser(db);
    const classmate = await seedUser(db);
    const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: [learner.id, classmate.id] });
    const exercise = await seedExercise(db, { title: "Items" });
    const first = await seedSubmission(db, {
      userId: learner.id,
      exerciseId: exercise.id,
      status: "failed",
      score: 5,
      maxScore: 10,
      files: [{ name: "main.py", content: "app = None\n" }],
      createdAt: new Date("2026-03-01T10:00:00Z"),
    });
    const second = await seedSubmission(db, {
      userId: learner.id,
      exerciseId: exercise.id,
      status: "passed",
      score: 10,
      maxScore: 10,
      files: [{ name: "main.py", content: "from fastapi import FastAPI\napp = FastAPI()\n" }],
      createdAt: new Date("2026-03-02T10:00:00Z"),
    });
    const classmates = await seedSubmission(db, { userId: classmate.id, exerciseId: exercise.id, status: "passed", score: 10, maxScore: 10 });

    const asInstructor = createTestCaller(db, instructor);
    const comment = await asInstructor.cohort.addComment({ cohortId: cohort.id, submissionId: second.id, body: "  Nice fix: the app object now exists.  " });
    expect(comment).toMatchObject({ submissionId: second.id, authorId: instructor.id, authorName: "Grace", body: "Nice fix: the app object now exists." });

    const page = await asInstructor.cohort.submission({ cohortId: cohort.id, submissionId: second.id });
    expect(page.learner).toEqual({ id: learner.id, name: learner.name, email: learner.email });
    expect(page.submission).toMatchObject({ id: second.id, exerciseTitle: "Items", score: 10, files: [{ name: "main.py", content: "from fastapi import FastAPI\napp = FastAPI()\n" }] });
    expect(page.previous).toMatchObject({ id: first.id, score: 5, files: [{ name: "main.py", content: "app = None\n" }] });
    expect(page.comments.map((c) => c.body)).toEqual(["Nice fix: the app object now exists."]);
    expect((await asInstructor.cohort.submission({ cohortId: cohort.id, submissionId: first.id })).previous).toBeNull();

    const asLearner = createTestCaller(db, learner);
    const seen = await asLearner.submission.get({ id: second.id });
    expect(seen.comments).toEqual([{ id: comment.id, authorName: "Grace", body: "Nice fix: the app object now exists.", createdAt: comment.createdAt }]);
    const history = await asLearner.submission.list({ exerciseId: exercise.id });
    expect(history.map((row) => [row.id, row.commentCount])).toEqual([
      [second.id, 1],
      [first.id, 0],
    ]);

    const asClassmate = createTestCaller(db, classmate);
    await expect(asClassmate.submission.get({ id: second.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asClassmate.submission.get({ id: classmates.id })).comments).toEqual([]);
    expect((await asClassmate.submission.list({})).map((row) => row.commentCount)).toEqual([0]);
  });

  it("refuses an empty or too long comment, and a submission by someone outside the cohort", async () => {
    const { db } = testDb;
    const instructor = await seedUser(db, { role: "instructor" });
    const learner = await seedUser(db);
    const outsider = await seedUser(db);
    const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: [learner.id] });
    const exercise = await seedExercise(db);
    const submission = await seedSubmission(db, { userId: learner.id, exerciseId: exercise.id, status: "failed", score: 1, maxScore: 10 });
    const outsiders = await seedSubmission(db, { userId: outsider.id, exerciseId: exercise.id, status: "failed", score: 1, maxScore: 10 });
    const caller = createTestCaller(db, instructor);

    await expect(caller.cohort.addComment({ cohortId: cohort.id, submissionId: submission.id, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.cohort.addComment({ cohortId: cohort.id, submissionId: submission.id, body: "x".repeat(4001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.cohort.addComment({ cohortId: cohort.id, submissionId: submission.id, body: "x".repeat(4000) })).toMatchObject({ body: "x".repeat(4000) });
    await expect(caller.cohort.addComment({ cohortId: cohort.id, submissionId: outsiders.id, body: "Hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.cohort.submission({ cohortId: cohort.id, submissionId: outsiders.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await createTestCaller(db, outsider).submission.get({ id: outsiders.id })).comments).toEqual([]);
  });
});
