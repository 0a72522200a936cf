import { createTestDb, seedCohort, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

describe("cohort procedures", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  const seedInstructor = () => seedUser(testDb.db, { role: "instructor" });

  it("refuses another instructor and a learner on every procedure of a cohort, and lets an admin in", async () => {
    const owner = await seedInstructor();
    const stranger = await seedInstructor();
    const learner = await seedUser(testDb.db);
    const admin = await seedUser(testDb.db, { role: "admin" });
    const cohort = await seedCohort(testDb.db, { instructorId: owner.id, memberIds: [learner.id] });
    const cohortId = cohort.id;
    const calls = (caller: ReturnType<typeof createTestCaller>) => ({
      get: () => caller.cohort.get({ cohortId }),
      rename: () => caller.cohort.rename({ cohortId, name: "Taken over" }),
      archive: () => caller.cohort.archive({ cohortId }),
      regenerateInvite: () => caller.cohort.regenerateInvite({ cohortId }),
      removeLearner: () => caller.cohort.removeLearner({ cohortId, learnerId: learner.id }),
      addInstructor: () => caller.cohort.addInstructor({ cohortId, email: stranger.email }),
      gradebook: () => caller.cohort.gradebook({ cohortId }),
      headlines: () => caller.cohort.headlines({ cohortId }),
    });

    for (const [name, call] of Object.entries(calls(createTestCaller(testDb.db, stranger)))) {
      await expect(call(), name).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only this cohort's instructors can see or change it." });
    }
    for (const [name, call] of Object.entries(calls(createTestCaller(testDb.db, learner)))) {
      await expect(call(), name).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only instructors can open this page." });
    }
    expect(await createTestCaller(testDb.db, stranger).cohort.list()).toEqual([]);
    await expect(createTestCaller(testDb.db, learner).cohort.create({ name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const untouched = await createTestCaller(testDb.db, owner).cohort.get({ cohortId });
    expect(untouched).toMatchObject({ name: cohort.name, inviteCode: cohort.inviteCode, archivedAt: null });
    expect(untouched.learners.map((l) => l.id)).toEqual([learner.id]);
    expect(untouched.instructors.map((i) => i.id)).toEqual([owner.id]);

    const asAdmin = await createTestCaller(testDb.db, admin).cohort.gradebook({ cohortId });
    expect(asAdmin.learners.map((l) => l.id)).toEqual([learner.id]);
    await expect(createTestCaller(testDb.db, owner).cohort.get({ cohortId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("creates, renames and archives a cohort; the creator teaches it", async () => {
    const instructor = await seedInstructor();
    const caller = createTestCaller(testDb.db, instructor);
    const created = await caller.cohort.create({ name: "  Spring 2027  " });
    expect(created).toMatchObject({ name: "Spring 2027", archivedAt: null });
    expect(created.inviteCode).toMatch(/^[0-9a-hjkmnp-tv-z]{16}$/);

    expect(await caller.cohort.rename({ cohortId: created.id, name: "Spring 2027 · evening" })).toMatchObject({ name: "Spring 2027 · evening" });
    const archived = await caller.cohort.archive({ cohortId: created.id });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await caller.cohort.archive({ cohortId: created.id })).archivedAt).toEqual(archived.archivedAt);
    expect(await caller.cohort.list()).toEqual([{ id: created.id, name: "Spring 2027 · evening", memberCount: 0, archivedAt: archived.archivedAt }]);

    await expect(caller.cohort.create({ name: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.cohort.rename({ cohortId: "not-a-uuid", name: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets a learner join by invite code, in several cohorts; a wrong, replaced or archived cohort's code is refused", async () => {
    const instructor = await seedInstructor();
    const learner = await seedUser(testDb.db);
    const caller = createTestCaller(testDb.db, instructor);
    const asLearner = createTestCaller(testDb.db, learner);
    const first = await caller.cohort.create({ name: "First" });
    const second = await caller.cohort.create({ name: "Second" });

    // Typed by hand: case, spaces and dashes do not matter.
    const spaced = `${first.inviteCode.slice(0, 8).toUpperCase()}-${first.inviteCode.slice(8)} `;
    expect(await asLearner.cohort.join({ code: spaced })).toEqual({ id: first.id, name: "First" });
    expect(await asLearner.cohort.join({ code: first.inviteCode })).toEqual({ id: first.id, name: "First" });
    await asLearner.cohort.join({ code: second.inviteCode });
    expect((await asLearner.dashboard.summary()).cohorts.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
    expect((await caller.cohort.get({ cohortId: first.id })).learners.map((l) => l.id)).toEqual([learner.id]);

    await expect(asLearner.cohort.join({ code: "0000000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "No cohort has this invite code. Check it, or ask your instructor for a new one.",
    });
    await expect(asLearner.cohort.join({ code: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const { inviteCode: replacement } = await caller.cohort.regenerateInvite({ cohortId: first.id });
    expect(replacement).not.toBe(first.inviteCode);
    const latecomer = createTestCaller(testDb.db, await seedUser(testDb.db));
    await expect(latecomer.cohort.join({ code: first.inviteCode })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await latecomer.cohort.join({ code: replacement })).toMatchObject({ id: first.id });

    await caller.cohort.archive({ cohortId: second.id });
    const tooLate = createTestCaller(testDb.db, await seedUser(testDb.db));
    await expect(tooLate.cohort.join({ code: second.inviteCode })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This cohort is archived and takes no new learners.",
    });
    await expect(caller.cohort.join({ code: replacement })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await caller.cohort.get({ cohortId: second.id })).learners.map((l) => l.id)).toEqual([learner.id]);
  });

  it("removes a learner from the roster and adds a co-instructor, who then sees the cohort", async () => {
    const instructor = await seedInstructor();
    const colleague = await seedInstructor();
    const learner = await seedUser(testDb.db);
    const cohort = await seedCohort(testDb.db, { instructorId: instructor.id, memberIds: [learner.id] });
    const caller = createTestCaller(testDb.db, instructor);

    await expect(caller.cohort.addInstructor({ cohortId: cohort.id, email: learner.email })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await caller.cohort.addInstructor({ cohortId: cohort.id, email: colleague.email.toUpperCase() })).toEqual({
      id: colleague.id,
      name: colleague.name,
      email: colleague.email,
    });
    const asColleague = createTestCaller(testDb.db, colleague);
    expect((await asColleague.cohort.list()).map((c) => c.id)).toEqual([cohort.id]);
    expect((await asColleague.cohort.get({ cohortId: cohort.id })).instructors.map((i) => i.id).sort()).toEqual([instructor.id, colleague.id].sort());

    await expect(caller.cohort.removeLearner({ cohortId: cohort.id, learnerId: colleague.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await asColleague.cohort.removeLearner({ cohortId: cohort.id, learnerId: learner.id })).toEqual({ cohortId: cohort.id, learnerId: learner.id });
    expect((await caller.cohort.get({ cohortId: cohort.id })).learners).toEqual([]);
    await expect(caller.cohort.removeLearner({ cohortId: cohort.id, learnerId: learner.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This learner is not in the cohort.",
    });
  });
});
