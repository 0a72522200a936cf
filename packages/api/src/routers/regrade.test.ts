import { asc, eq, schema } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { createGradingPorts, startPreviewItemGrading, storePreviewItemFailure, storePreviewItemResult } from "@academy/services";
import { makeGradedReport, repoExercisesDir } from "@academy/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

/**
 * The API's side of regrade with preview on a seeded cohort. Ada (6.67) and Ben (8, then 5) were
 * graded against v1, Dan's latest against v2 already, Cy never submitted. The preview's gradings are
 * stored by the grader's own write functions (`storePreviewItemResult`); the containers' side is
 * apps/grader's regrade-preview.docker.test.ts.
 */
describe("regrade router", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let cohortId: string;
  let exerciseId: string;
  let users: Record<"instructor" | "coInstructor" | "otherInstructor" | "admin" | "ada" | "ben" | "cy" | "dan", Awaited<ReturnType<typeof seedUser>>>;

  const callerFor = (user: (typeof users)["ada"]) => createTestCaller(testDb.db, user, grading.ports);
  const snapshot = async () => ({
    gradebook: (await callerFor(users.instructor).cohort.gradebook({ cohortId })).learners.map((l) => [l.name, l.cells[exerciseId] ?? null]),
    submissions: await testDb.db.select().from(schema.submission).orderBy(asc(schema.submission.createdAt), asc(schema.submission.id)),
    testResults: await testDb.db.$count(schema.testResult),
  });
  const itemsOf = (previewId: string) =>
    testDb.db.select({ id: schema.regradePreviewItem.id, userId: schema.regradePreviewItem.userId }).from(schema.regradePreviewItem).where(eq(schema.regradePreviewItem.previewId, previewId));

  beforeAll(async () => {
    testDb = await createTestDb();
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir });
    const db = testDb.db;
    users = {
      instructor: await seedUser(db, { role: "instructor", name: "Ines" }),
      coInstructor: await seedUser(db, { role: "instructor", name: "Carla" }),
      otherInstructor: await seedUser(db, { role: "instructor", name: "Otto" }),
      admin: await seedUser(db, { role: "admin", name: "Root" }),
      ada: await seedUser(db, { name: "Ada" }),
      ben: await seedUser(db, { name: "Ben" }),
      cy: await seedUser(db, { name: "Cy" }),
      dan: await seedUser(db, { name: "Dan" }),
    };
    const exercise = await seedExercise(db, { points: 10 });
    exerciseId = exercise.id;
    const cohort = await seedCohort(db, { instructorId: users.instructor.id, memberIds: [users.ada.id, users.ben.id, users.cy.id, users.dan.id] });
    cohortId = cohort.id;
    await db.insert(schema.cohortMembership).values({ cohortId, userId: users.coInstructor.id, role: "instructor" });
    await seedCohort(db, { instructorId: users.otherInstructor.id, memberIds: [users.ada.id] });

    const hour = (h: number) => new Date(Date.now() - (48 - h) * 3_600_000);
    await seedSubmission(db, { userId: users.ada.id, exerciseId, status: "failed", score: 6.67, maxScore: 10, createdAt: hour(1) });
    await seedSubmission(db, { userId: users.ben.id, exerciseId, status: "failed", score: 8, maxScore: 10, createdAt: hour(2) });
    await seedSubmission(db, { userId: users.ben.id, exerciseId, status: "failed", score: 5, maxScore: 10, createdAt: hour(3) });
    // v2 is synced: Dan's only submission is graded against it.
    await db.insert(schema.exerciseVersion).values({ id: `${exerciseId}@v2`, exerciseId, contentHash: "v2" });
    await db.update(schema.exercise).set({ currentVersionId: `${exerciseId}@v2` }).where(eq(schema.exercise.id, exerciseId));
    await seedSubmission(db, { userId: users.dan.id, exerciseId, status: "passed", score: 10, maxScore: 10, createdAt: hour(4) });
  });
  afterAll(async () => {
    await grading?.close();
    await testDb?.close();
  });

  it("previews the learners graded against an older version, changes nothing until applied, and applies as previewed", async () => {
    const caller = callerFor(users.instructor);
    expect(await caller.regrade.preview({ cohortId, exerciseId })).toMatchObject({
      exercise: { id: exerciseId, currentVersionId: `${exerciseId}@v2` },
      learnersWithSubmission: 3,
      learnersOnOlderVersion: 2,
      canStartPreview: true,
      preview: null,
    });
    const before = await snapshot();

    const started = await caller.regrade.startPreview({ cohortId, exerciseId });
    expect(started).toMatchObject({ exerciseVersionId: `${exerciseId}@v2`, total: 2 });
    const items = await itemsOf(started.id);
    expect(items.map((item) => item.userId).sort()).toEqual([users.ada.id, users.ben.id].sort());
    const { rows: jobs } = await testDb.db.$client.query<{ priority: number; data: { previewItemId: string } }>("select priority, data from pgboss.job where data ? 'previewItemId'");
    expect(jobs.map((job) => [job.priority, job.data.previewItemId]).sort()).toEqual(items.map((item) => [0, item.id]).sort());
    await expect(callerFor(users.coInstructor).regrade.startPreview({ cohortId, exerciseId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.regrade.applyPreview({ cohortId, previewId: started.id })).rejects.toMatchObject({ code: "CONFLICT" });

    // The grader's writes: Ada's grading to 10, Ben's to 7 (below his best 8); the co-instructor's panel hears each.
    const stream = (await callerFor(users.coInstructor).regrade.onPreviewChange({ cohortId, exerciseId }))[Symbol.asyncIterator]();
    expect((await stream.next()).value).toMatchObject({ preview: { progress: { graded: 0, total: 2 } } });
    const itemOf = (userId: string) => items.find((item) => item.userId === userId)!.id;
    expect(await startPreviewItemGrading(testDb.db, itemOf(users.ada.id))).toMatchObject({ exerciseId, contentHash: "v2" });
    expect(await storePreviewItemResult(testDb.db, itemOf(users.ada.id), makeGradedReport({ exerciseId, status: "passed", score: 10, maxScore: 10 }))).toBe(true);
    for (let next = await stream.next(); next.value?.preview?.progress.graded !== 1; next = await stream.next()) expect(next.done).toBe(false);
    await stream.return?.();
    const halfway = await caller.regrade.preview({ cohortId, exerciseId });
    expect(halfway.preview).toMatchObject({ isGrading: true, progress: { graded: 1, total: 2 }, summary: { up: 1, pending: 1 } });
    await expect(caller.regrade.applyPreview({ cohortId, previewId: started.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("1 of 2") });
    expect(await storePreviewItemResult(testDb.db, itemOf(users.ben.id), makeGradedReport({ exerciseId, status: "failed", score: 7, maxScore: 10 }))).toBe(true);
    // A second store of the same item (a job run twice) changes nothing.
    expect(await storePreviewItemFailure(testDb.db, itemOf(users.ben.id), "too late")).toBe(false);

    const done = (await caller.regrade.preview({ cohortId, exerciseId })).preview!;
    expect(done).toMatchObject({ isGrading: false, progress: { graded: 2, total: 2 }, summary: { up: 1, down: 0, unchanged: 1, errors: 0, pending: 0 } });
    expect(done.learners.map((l) => [l.name, l.previousScore, l.newScore, l.currentBest, l.projectedBest, l.change, l.outcome])).toEqual([
      ["Ada", 6.67, 10, 6.67, 10, 3.33, "up"],
      ["Ben", 5, 7, 8, 8, 0, "unchanged"],
    ]);
    expect(JSON.stringify(done)).not.toContain("report");
    expect(await snapshot()).toEqual(before);

    const applied = await callerFor(users.admin).regrade.applyPreview({ cohortId, previewId: started.id });
    expect(applied).toEqual({ previewId: started.id, applied: 2, skipped: 0 });
    const after = await snapshot();
    const bestOf = (name: string) => (after.gradebook.find(([learner]) => learner === name)![1] as { bestScore: number | null }).bestScore;
    for (const learner of done.learners) expect(bestOf(learner.name)).toBe(learner.projectedBest);
    expect(after.submissions.slice(0, before.submissions.length)).toEqual(before.submissions);
    const recorded = after.submissions.slice(before.submissions.length);
    expect(recorded.map((s) => [s.userId, s.exerciseVersionId, s.status, s.score, s.mode])).toEqual(
      expect.arrayContaining([
        [users.ada.id, `${exerciseId}@v2`, "passed", 10, "submit"],
        [users.ben.id, `${exerciseId}@v2`, "failed", 7, "submit"],
      ]),
    );
    expect(after.testResults).toBeGreaterThan(before.testResults);
    expect(await caller.regrade.preview({ cohortId, exerciseId })).toMatchObject({ learnersOnOlderVersion: 0, canStartPreview: false, preview: null });
    await expect(caller.regrade.startPreview({ cohortId, exerciseId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("discards a preview with its waiting jobs, changing nothing else", async () => {
    await testDb.db.insert(schema.exerciseVersion).values({ id: `${exerciseId}@v3`, exerciseId, contentHash: "v3" });
    await testDb.db.update(schema.exercise).set({ currentVersionId: `${exerciseId}@v3` }).where(eq(schema.exercise.id, exerciseId));
    const caller = callerFor(users.coInstructor);
    const before = await snapshot();
    const started = await caller.regrade.startPreview({ cohortId, exerciseId });
    expect(started.total).toBe(3);
    const itemIds = (await itemsOf(started.id)).map((item) => item.id);
    const jobsOf = async () => (await testDb.db.$client.query("select 1 from pgboss.job where data->>'previewItemId' = any($1::text[])", [itemIds])).rows;
    expect(await jobsOf()).toHaveLength(3);
    expect(await caller.regrade.discardPreview({ cohortId, previewId: started.id })).toEqual({ previewId: started.id });
    expect(await jobsOf()).toHaveLength(0);
    expect(await itemsOf(started.id)).toEqual([]);
    expect(await snapshot()).toEqual(before);
    await expect(caller.regrade.applyPreview({ cohortId, previewId: started.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses another cohort's instructor and learners, and bad input", async () => {
    const previewId = "00000000-0000-4000-8000-000000000000";
    for (const outsider of [users.otherInstructor, users.ada]) {
      const caller = callerFor(outsider);
      await expect(caller.regrade.preview({ cohortId, exerciseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.regrade.startPreview({ cohortId, exerciseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.regrade.applyPreview({ cohortId, previewId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.regrade.discardPreview({ cohortId, previewId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.regrade.onPreviewChange({ cohortId, exerciseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createTestCaller(testDb.db, null, grading.ports).regrade.preview({ cohortId, exerciseId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const caller = callerFor(users.instructor);
    await expect(caller.regrade.preview({ cohortId: "nope", exerciseId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.regrade.preview({ cohortId, exerciseId: "../etc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.regrade.preview({ cohortId, exerciseId: "no-such-exercise" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.regrade.applyPreview({ cohortId, previewId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createTestCaller(testDb.db, users.instructor, null).regrade.startPreview({ cohortId, exerciseId })).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    await testDb.db.update(schema.exercise).set({ isArchived: true }).where(eq(schema.exercise.id, exerciseId));
    expect(await caller.regrade.preview({ cohortId, exerciseId })).toMatchObject({ learnersOnOlderVersion: 3, canStartPreview: false });
    await expect(caller.regrade.startPreview({ cohortId, exerciseId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("no longer on offer") });
    await testDb.db.update(schema.exercise).set({ isArchived: false }).where(eq(schema.exercise.id, exerciseId));
  });

  it("refuses to regrade a team-project template: its suites grade teams' milestone submissions only", async () => {
    const template = await seedExercise(testDb.db, { isTeamTemplate: true });
    await seedSubmission(testDb.db, { userId: users.ada.id, exerciseId: template.id, status: "failed", score: 1, maxScore: 10 });
    await testDb.db.insert(schema.exerciseVersion).values({ id: `${template.id}@v2`, exerciseId: template.id, contentHash: "v2" });
    await testDb.db.update(schema.exercise).set({ currentVersionId: `${template.id}@v2` }).where(eq(schema.exercise.id, template.id));
    const caller = callerFor(users.instructor);
    expect(await caller.regrade.preview({ cohortId, exerciseId: template.id })).toMatchObject({ canStartPreview: false });
    await expect(caller.regrade.startPreview({ cohortId, exerciseId: template.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("team-project template"),
    });
    expect(await testDb.db.$count(schema.regradePreview, eq(schema.regradePreview.exerciseId, template.id))).toBe(0);
  });
});
