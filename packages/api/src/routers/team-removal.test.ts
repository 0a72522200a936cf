import { schema } from "@academy/db";
import { createTestDb, seedCohort, seedUser } from "@academy/db/testing";
import { createGradingPorts, syncExercises, type TeamWatchEvent } from "@academy/services";
import { repoExercisesDir } from "@academy/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

const TEMPLATE = "library-loans-team-project";

/** A learner removed from a cohort loses their teams of its projects at once, live streams included. */
describe("removing a learner from a cohort", () => {
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

  /** A cohort with one project and a team of Ada and Ben. */
  const seedTeam = async () => {
    const { db } = testDb;
    const instructor = await seedUser(db, { role: "instructor" });
    const ada = await seedUser(db, { name: "Ada" });
    const ben = await seedUser(db, { name: "Ben" });
    const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: [ada.id, ben.id] });
    const asInstructor = createTestCaller(db, instructor, grading.ports);
    const project = await asInstructor.team.createProject({ cohortId: cohort.id, exerciseId: TEMPLATE, startsAt: new Date(), minTeamSize: 1, maxTeamSize: 3, allowsSelfJoin: true });
    const [team] = await asInstructor.team.createTeams({ projectId: project.id, teams: [{ name: "Red", memberIds: [ada.id, ben.id] }] });
    return { instructor, ada, ben, cohort, project, teamId: team!.id, asInstructor };
  };

  /** Reads a stream until an event matches, failing if it ends first. */
  const nextMatching = async <T,>(stream: AsyncIterator<T>, isWanted: (event: T) => boolean) => {
    for (;;) {
      const next = await stream.next();
      if (next.done) throw new Error("the stream ended");
      if (isWanted(next.value)) return next.value;
    }
  };

  it("takes them out of the cohort's teams with a feed entry, and a team membership left behind opens nothing", async () => {
    const { db } = testDb;
    const { ada, ben, cohort, project, teamId, asInstructor } = await seedTeam();
    await asInstructor.cohort.removeLearner({ cohortId: cohort.id, learnerId: ada.id });

    const asBen = createTestCaller(db, ben, grading.ports).team;
    expect((await asBen.get({ teamId })).members.map((m) => m.name)).toEqual(["Ben"]);
    expect((await asBen.activity({ teamId }))[0]).toMatchObject({ kind: "member.left", detail: { userId: ada.id } });
    expect(await createTestCaller(db, ada, grading.ports).team.mine()).toEqual([]);

    // As a join or move racing the removal could leave it: a membership row without the cohort behind it.
    await db.insert(schema.teamMembership).values({ teamId, projectId: project.id, userId: ada.id });
    const asAda = createTestCaller(db, ada, grading.ports).team;
    for (const call of [
      () => asAda.get({ teamId }),
      () => asAda.board({ teamId }),
      () => asAda.code({ teamId }),
      () => asAda.activity({ teamId }),
      () => asAda.watch({ teamId }),
      () => asAda.createTask({ teamId, title: "Still here" }),
      () => asAda.saveFile({ teamId, name: "main.py", content: "# mine\n", baseVersion: 1 }),
      () => asAda.submitMilestone({ teamId, milestoneKey: "catalog" }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await asBen.board({ teamId })).columns.flatMap((c) => c.tasks)).toEqual([]);
  });

  it("ends the removed learner's team stream while their teammate's goes on", async () => {
    const { db } = testDb;
    const { instructor, ada, ben, cohort, teamId, asInstructor } = await seedTeam();
    const adaEvents = (await createTestCaller(db, ada, grading.ports).team.watch({ teamId }))[Symbol.asyncIterator]();
    const benEvents = (await createTestCaller(db, ben, grading.ports).team.watch({ teamId }))[Symbol.asyncIterator]();
    try {
      expect((await adaEvents.next()).value).toEqual({ kind: "ready" });
      expect((await benEvents.next()).value).toEqual({ kind: "ready" });
      await asInstructor.cohort.removeLearner({ cohortId: cohort.id, learnerId: ada.id });
      // The team's forming ("member.added") may still be on its way when the streams open: waited past, by kind.
      const isChange = (kind: string) => (e: TeamWatchEvent) => e.kind === "change" && e.change.kind === kind;
      expect(await nextMatching(benEvents, isChange("member.left"))).toMatchObject({ change: { actorId: instructor.id } });
      await createTestCaller(db, ben, grading.ports).team.createTask({ teamId, title: "After Ada left" });
      expect(await nextMatching(benEvents, isChange("task.created"))).toMatchObject({ change: { actorId: ben.id } });
      // Ada's stream ends on the removal: the task made after it never reaches her.
      for (let next = await adaEvents.next(); !next.done; next = await adaEvents.next()) expect(next.value).not.toMatchObject({ change: { kind: "task.created" } });
    } finally {
      await adaEvents.return?.();
      await benEvents.return?.();
    }
  });
});
