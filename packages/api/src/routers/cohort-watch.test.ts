import { and, eq, schema, sql } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { createGradingPorts } from "@academy/services";
import { repoExercisesDir } from "@academy/services/testing";
import { notifySubmissionStatus, SUBMISSION_STATUS_CHANNEL } from "@academy/submission-lifecycle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { createTestCaller } from "../testing/create-test-caller";
import { createContextInner } from "../trpc";

describe("cohort.watch", () => {
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

  /** As the grader does: the status stored and announced in one transaction. */
  const finish = (id: string, userId: string, status: "running" | "passed" | "failed") =>
    testDb.db.transaction(async (tx) => {
      await tx.update(schema.submission).set({ status }).where(eq(schema.submission.id, id));
      await notifySubmissionStatus(tx, { submissionId: id, userId, status });
    });

  it("emits when a member's submission reaches a final status, and not for a pending status or a non-member", async () => {
    const { db } = testDb;
    const instructor = await seedUser(db, { role: "instructor" });
    const member = await seedUser(db);
    const outsider = await seedUser(db);
    const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: [member.id] });
    await seedCohort(db, { instructorId: instructor.id, memberIds: [outsider.id] });
    const exercise = await seedExercise(db);
    const mine = await seedSubmission(db, { userId: member.id, exerciseId: exercise.id, status: "queued" });
    const theirs = await seedSubmission(db, { userId: outsider.id, exerciseId: exercise.id, status: "queued" });

    const events = (await createTestCaller(db, instructor, grading.ports).cohort.watch({ cohortId: cohort.id }))[Symbol.asyncIterator]();
    try {
      expect((await events.next()).value).toEqual({ kind: "ready" });
      // Each is announced only after the previous commit, so had either been let through it would come first.
      await finish(theirs.id, outsider.id, "passed");
      await finish(mine.id, member.id, "running");
      await finish(mine.id, member.id, "failed");
      expect((await events.next()).value).toEqual({ kind: "graded", submissionId: mine.id, learnerId: member.id, exerciseId: exercise.id, mode: "submit", status: "failed" });
    } finally {
      await events.return?.();
    }
  });

  it("ends the stream of an instructor no longer teaching the cohort at the next grading it would have named", async () => {
    const { db } = testDb;
    const instructor = await seedUser(db, { role: "instructor" });
    const member = await seedUser(db);
    const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: [member.id] });
    const exercise = await seedExercise(db);
    const submission = await seedSubmission(db, { userId: member.id, exerciseId: exercise.id, status: "queued" });
    const events = (await createTestCaller(db, instructor, grading.ports).cohort.watch({ cohortId: cohort.id }))[Symbol.asyncIterator]();
    try {
      expect((await events.next()).value).toEqual({ kind: "ready" });
      await db.delete(schema.cohortMembership).where(and(eq(schema.cohortMembership.cohortId, cohort.id), eq(schema.cohortMembership.userId, instructor.id)));
      await finish(submission.id, member.id, "passed");
      expect(await events.next()).toEqual({ done: true, value: undefined });
    } finally {
      await events.return?.();
    }
  });

  it("says to read everything again after the listener reconnected, as events sent meanwhile were missed", async () => {
    const { db } = testDb;
    const instructor = await seedUser(db, { role: "instructor" });
    const cohort = await seedCohort(db, { instructorId: instructor.id });
    const events = (await createTestCaller(db, instructor, grading.ports).cohort.watch({ cohortId: cohort.id }))[Symbol.asyncIterator]();
    try {
      expect((await events.next()).value).toEqual({ kind: "ready" });
      await db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = ${`LISTEN ${SUBMISSION_STATUS_CHANNEL}`}`);
      expect((await events.next()).value).toEqual({ kind: "resync" });
    } finally {
      await events.return?.();
    }
  });

  it("ends its stream when the client goes away", async () => {
    const { db } = testDb;
    const instructor = await seedUser(db, { role: "instructor" });
    const cohort = await seedCohort(db, { instructorId: instructor.id });
    const controller = new AbortController();
    const caller = createCaller(createContextInner({ db, grading: grading.ports, user: { ...instructor, role: "instructor" } }), { signal: controller.signal });
    const events = (await caller.cohort.watch({ cohortId: cohort.id }))[Symbol.asyncIterator]();
    expect((await events.next()).value).toEqual({ kind: "ready" });
    const next = events.next();
    controller.abort();
    expect((await next).done).toBe(true);
  });
});
