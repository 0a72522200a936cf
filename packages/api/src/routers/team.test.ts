import { readFile } from "node:fs/promises";
import path from "node:path";

import { createTestDb, seedCohort, seedUser } from "@academy/db/testing";
import { and, eq, schema, sql, withTransaction } from "@academy/db";
import { submissionLimits } from "@academy/exercises";
import { createGradingPorts, storeGradingResult, syncExercises } from "@academy/services";
import { makeGradedReport, repoExercisesDir } from "@academy/services/testing";
import { TEAM_CHANNEL, type GradingReport } from "@academy/submission-lifecycle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { createTestCaller } from "../testing/create-test-caller";
import { createContextInner } from "../trpc";

const TEMPLATE = "library-loans-team-project";
const DAY_MS = 86_400_000;

/**
 * Team projects through the API on a real database: Red (Ada, Ben) and Blue (Cy, Dan, Eve) in one
 * cohort's project of the library-loans template, teams of 2 to 3, started 20 days ago (so
 * "catalog", due on day 14, is overdue and "loans", due on day 28, is not). Gradings are stored
 * with the grader's own `storeGradingResult`.
 */
describe("team router", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let users: Record<"instructor" | "otherInstructor" | "ada" | "ben" | "cy" | "dan" | "eve" | "outsider", Awaited<ReturnType<typeof seedUser>>>;
  let cohortId: string;
  let projectId: string;
  let red: string;
  let blue: string;
  const startsAt = new Date(Date.now() - 20 * DAY_MS);

  const as = (user: (typeof users)["ada"]) => createTestCaller(testDb.db, user, grading.ports).team;

  /** A report of the milestone's hidden tests as given, stored the grader's way. */
  const grade = async (submissionId: string, hidden: Record<string, "passed" | "failed">) => {
    const names = Object.keys(hidden);
    const passed = names.filter((name) => hidden[name] === "passed").length;
    const base = makeGradedReport({ exerciseId: TEMPLATE, status: passed === names.length ? "passed" : "failed", score: Math.round((passed / names.length) * 1000) / 100, maxScore: 10 });
    const report: GradingReport = { ...base, tests: names.map((name) => ({ name, visibility: "hidden", status: hidden[name]!, durationMs: 5, message: hidden[name] === "failed" ? "assert 404 == 200" : null })) };
    expect(await storeGradingResult(testDb.db, submissionId, report)).toBe(true);
  };

  /** Reads a stream until an event matches, failing if it ends first. */
  const nextMatching = async <T,>(stream: AsyncIterator<T>, isWanted: (event: T) => boolean) => {
    for (;;) {
      const next = await stream.next();
      if (next.done) throw new Error("the stream ended");
      if (isWanted(next.value)) return next.value;
    }
  };

  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir });
    const db = testDb.db;
    users = {
      instructor: await seedUser(db, { role: "instructor", name: "Ines" }),
      otherInstructor: await seedUser(db, { role: "instructor", name: "Otto" }),
      ada: await seedUser(db, { name: "Ada" }),
      ben: await seedUser(db, { name: "Ben" }),
      cy: await seedUser(db, { name: "Cy" }),
      dan: await seedUser(db, { name: "Dan" }),
      eve: await seedUser(db, { name: "Eve" }),
      outsider: await seedUser(db, { name: "Olga" }),
    };
    const cohort = await seedCohort(db, { instructorId: users.instructor.id, memberIds: [users.ada.id, users.ben.id, users.cy.id, users.dan.id, users.eve.id] });
    cohortId = cohort.id;
    await seedCohort(db, { instructorId: users.otherInstructor.id, memberIds: [users.outsider.id] });
    const created = await as(users.instructor).createProject({ cohortId, exerciseId: TEMPLATE, startsAt, minTeamSize: 2, maxTeamSize: 3, allowsSelfJoin: true });
    projectId = created.id;
    const teams = await as(users.instructor).createTeams({
      projectId,
      teams: [
        { name: "Red", memberIds: [users.ada.id, users.ben.id] },
        { name: "Blue", memberIds: [users.cy.id, users.dan.id] },
      ],
    });
    red = teams.find((t) => t.name === "Red")!.id;
    blue = teams.find((t) => t.name === "Blue")!.id;
  });
  afterAll(async () => {
    await grading?.close();
    await testDb?.close();
  });

  it("creates the project from the template with each milestone due its offset after the start, and seeds each team's code from the starter", async () => {
    const team = await as(users.ada).get({ teamId: red });
    expect(team.milestones.map((m) => [m.key, m.dueAt?.getTime()])).toEqual([
      ["catalog", startsAt.getTime() + 14 * DAY_MS],
      ["loans", startsAt.getTime() + 28 * DAY_MS],
      ["search", startsAt.getTime() + 42 * DAY_MS],
    ]);
    expect(team.members.map((m) => m.name)).toEqual(["Ada", "Ben"]);
    const code = await as(users.ada).code({ teamId: red });
    const starterMain = await readFile(path.join(repoExercisesDir, TEMPLATE, "starter/main.py"), "utf8");
    expect(code.files.map((f) => f.name)).toEqual(["crud.py", "database.py", "main.py", "models.py", "schemas.py", "security.py"]);
    expect(code.files.find((f) => f.name === "main.py")).toMatchObject({ content: starterMain, version: 1, updatedBy: null });
    // A start a day later moves every due date by a day; a date set by hand (here none) replaces one.
    await as(users.instructor).updateProject({ projectId, startsAt: new Date(startsAt.getTime() + DAY_MS), milestoneDueDates: [{ key: "search", dueAt: null }] });
    expect((await as(users.ada).get({ teamId: red })).milestones.map((m) => [m.key, m.dueAt?.getTime() ?? null])).toEqual([
      ["catalog", startsAt.getTime() + 15 * DAY_MS],
      ["loans", startsAt.getTime() + 29 * DAY_MS],
      ["search", null],
    ]);
    await expect(as(users.instructor).updateProject({ projectId, milestoneDueDates: [{ key: "reports", dueAt: null }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(users.ada).updateProject({ projectId, title: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(users.instructor).createProject({ cohortId, exerciseId: "basic-greeting-api", startsAt, minTeamSize: 2, maxTeamSize: 3, allowsSelfJoin: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(users.otherInstructor).createProject({ cohortId, exerciseId: TEMPLATE, startsAt, minTeamSize: 2, maxTeamSize: 3, allowsSelfJoin: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(users.instructor).createProject({ cohortId, exerciseId: TEMPLATE, startsAt, minTeamSize: 3, maxTeamSize: 2, allowsSelfJoin: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a non-member the team's board, code, results and history", async () => {
    const { id: taskId } = await as(users.cy).createTask({ teamId: blue, title: "Blue's secret plan" });
    const { saveId } = (await as(users.cy).saveFile({ teamId: blue, name: "notes.py", content: "# blue\n", baseVersion: 0 })) as { saveId: string };
    for (const stranger of [users.ada, users.outsider, users.otherInstructor]) {
      const team = as(stranger);
      for (const read of [
        () => team.get({ teamId: blue }),
        () => team.board({ teamId: blue }),
        () => team.code({ teamId: blue }),
        () => team.saves({ teamId: blue }),
        () => team.save({ teamId: blue, saveId }),
        () => team.milestones({ teamId: blue }),
        () => team.contributions({ teamId: blue }),
        () => team.activity({ teamId: blue }),
        () => team.comments({ taskId }),
        () => team.watch({ teamId: blue }),
      ]) {
        await expect(read()).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      await expect(team.moveTask({ taskId, version: 1, status: "done", beforeTaskId: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(team.saveFile({ teamId: blue, name: "main.py", content: "stolen", baseVersion: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(team.submitMilestone({ teamId: blue, milestoneKey: "catalog" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Ada's own team she reads; its instructor reads both but changes neither.
    expect((await as(users.ada).board({ teamId: red })).columns.map((c) => c.status)).toEqual(["todo", "doing", "review", "done"]);
    expect((await as(users.instructor).board({ teamId: blue })).columns[0]!.tasks.map((t) => t.title)).toEqual(["Blue's secret plan"]);
    await expect(as(users.instructor).createTask({ teamId: blue, title: "Do it" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await as(users.ada).mine()).toEqual([expect.objectContaining({ teamId: red, name: "Red" })]);
  });

  it("lets a learner change team only with its code and within the size bound; the instructor moves learners within it too", async () => {
    const blueCode = (await as(users.cy).get({ teamId: blue })).joinCode!;
    const redCode = (await as(users.ada).get({ teamId: red })).joinCode!;
    await expect(as(users.ada).moveLearner({ projectId, userId: users.ada.id, toTeamId: blue })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(users.ada).join({ code: "0000000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(users.outsider).join({ code: blueCode })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await as(users.eve).join({ code: blueCode.toUpperCase() })).toEqual({ teamId: blue, name: "Blue" });
    await expect(as(users.ada).join({ code: blueCode })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Blue is full") });
    await expect(as(users.instructor).moveLearner({ projectId, userId: users.ada.id, toTeamId: blue })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await as(users.instructor).moveLearner({ projectId, userId: users.eve.id, toTeamId: red })).toEqual({ fromTeamId: blue, toTeamId: red });
    // Eve goes back with Blue's code: she leaves Red, as a learner is in one team per project.
    expect(await as(users.eve).join({ code: blueCode })).toEqual({ teamId: blue, name: "Blue" });
    await expect(as(users.eve).board({ teamId: red })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(redCode).not.toEqual(blueCode);
    const teams = await as(users.instructor).projectTeams({ projectId });
    expect(teams.teams.map((t) => [t.name, t.members.map((m) => m.name)])).toEqual([
      ["Blue", ["Cy", "Dan", "Eve"]],
      ["Red", ["Ada", "Ben"]],
    ]);
    expect(teams.unassigned).toEqual([]);
  });

  it("forms teams at random by size within the bounds", async () => {
    const second = await as(users.instructor).createProject({ cohortId, exerciseId: TEMPLATE, title: "Second", startsAt, minTeamSize: 2, maxTeamSize: 3, allowsSelfJoin: false });
    await expect(as(users.instructor).formRandomTeams({ projectId: second.id, teamSize: 2 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(as(users.instructor).formRandomTeams({ projectId: second.id, teamSize: 4 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const formed = await as(users.instructor).formRandomTeams({ projectId: second.id, teamSize: 3 });
    expect(formed.map((t) => t.memberIds.length).sort()).toEqual([2, 3]);
    expect(formed.flatMap((t) => t.memberIds).sort()).toEqual([users.ada.id, users.ben.id, users.cy.id, users.dan.id, users.eve.id].sort());
    await expect(as(users.instructor).formRandomTeams({ projectId: second.id, teamSize: 3 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const adasTeam = formed.find((t) => t.memberIds.includes(users.ada.id))!;
    expect((await as(users.ada).get({ teamId: adasTeam.id })).joinCode).toBeNull();
  });

  it("moves tasks live to a teammate, keeps concurrent moves of different tasks, refuses a stale move, and records who did what", async () => {
    const ada = as(users.ada);
    const stream = (await as(users.ben).watch({ teamId: red }))[Symbol.asyncIterator]();
    try {
      expect((await stream.next()).value).toEqual({ kind: "ready" });
      const write = await ada.createTask({ teamId: red, title: "Write the models", assigneeId: users.ada.id, milestoneKey: "catalog", dueAt: new Date(startsAt.getTime() + 10 * DAY_MS) });
      const crud = await ada.createTask({ teamId: red, title: "CRUD for books", assigneeId: users.ben.id });
      const tests = await ada.createTask({ teamId: red, title: "Try the endpoints" });
      await expect(ada.createTask({ teamId: red, title: "Hand to Cy", assigneeId: users.cy.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(ada.createTask({ teamId: red, title: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(ada.moveTask({ taskId: write.id, version: write.version, status: "archived" as "done", beforeTaskId: null })).rejects.toMatchObject({ code: "BAD_REQUEST" });

      const moved = await ada.moveTask({ taskId: write.id, version: write.version, status: "doing", beforeTaskId: null });
      expect(await nextMatching(stream, (e) => e.kind === "change" && e.change.kind === "task.moved")).toMatchObject({ kind: "change", change: { teamId: red, kind: "task.moved", actorId: users.ada.id, taskId: write.id, version: moved.version } });

      // Two members move two tasks at once: both land where they meant.
      await Promise.all([
        ada.moveTask({ taskId: tests.id, version: tests.version, status: "doing", beforeTaskId: write.id }),
        as(users.ben).moveTask({ taskId: crud.id, version: crud.version, status: "doing", beforeTaskId: null }),
      ]);
      const board = await as(users.ben).board({ teamId: red });
      const doing = board.columns.find((c) => c.status === "doing")!.tasks.map((t) => t.title);
      expect(doing.indexOf("Try the endpoints")).toBe(doing.indexOf("Write the models") - 1);
      expect(doing).toHaveLength(3);

      // Ben's view of "Write the models" is stale: his move is refused and changes nothing.
      await expect(as(users.ben).moveTask({ taskId: write.id, version: write.version, status: "done", beforeTaskId: null })).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await as(users.ben).board({ teamId: red })).columns.find((c) => c.status === "doing")!.tasks.map((t) => t.title)).toEqual(doing);

      const done = await ada.moveTask({ taskId: write.id, version: moved.version, status: "done", beforeTaskId: null });
      expect(done).toMatchObject({ status: "done", version: 3 });
      await ada.addComment({ taskId: crud.id, body: "Ben, the loans need it too." });
      await expect(ada.addComment({ taskId: crud.id, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await as(users.ben).comments({ taskId: crud.id })).toEqual([expect.objectContaining({ authorName: "Ada", body: "Ben, the loans need it too." })]);
      const edited = await as(users.ben).updateTask({ taskId: tests.id, version: tests.version + 1, assigneeId: users.ben.id, description: "curl each route" });
      expect(edited).toMatchObject({ assigneeId: users.ben.id, description: "curl each route", version: tests.version + 2 });

      const feed = await as(users.ben).activity({ teamId: red, limit: 20 });
      expect(feed.filter((a) => a.kind.startsWith("task.")).map((a) => [a.actorName, a.summary]).reverse()).toEqual([
        ["Ada", "created “Write the models”"],
        ["Ada", "created “CRUD for books”"],
        ["Ada", "created “Try the endpoints”"],
        ["Ada", "moved “Write the models” from To do to Doing"],
        expect.anything(),
        expect.anything(),
        ["Ada", "moved “Write the models” from Doing to Done"],
        ["Ada", "commented on “CRUD for books”"],
        ["Ben", "assigned “Try the endpoints”"],
      ]);
    } finally {
      await stream.return?.();
    }
  });

  it("refuses a stale save with the current content and its author, losing nothing, and keeps every save with its diff", async () => {
    const main = (await as(users.ada).code({ teamId: red })).files.find((f) => f.name === "main.py")!;
    const adas = await as(users.ada).saveFile({ teamId: red, name: "main.py", content: `${main.content}# ada\n`, baseVersion: main.version });
    expect(adas).toMatchObject({ status: "saved", file: { version: 2 }, linesAdded: 1, linesRemoved: 0 });
    const bens = await as(users.ben).saveFile({ teamId: red, name: "main.py", content: `${main.content}# ben\n`, baseVersion: main.version });
    expect(bens).toMatchObject({ status: "conflict", current: { content: `${main.content}# ada\n`, version: 2, updatedBy: users.ada.id, updatedByName: "Ada" } });
    expect((await as(users.ben).code({ teamId: red })).files.find((f) => f.name === "main.py")!.content).toBe(`${main.content}# ada\n`);
    const merged = await as(users.ben).saveFile({ teamId: red, name: "main.py", content: `${main.content}# ada\n# ben\n`, baseVersion: 2 });
    expect(merged).toMatchObject({ status: "saved", file: { version: 3, content: `${main.content}# ada\n# ben\n` } });
    const history = await as(users.ada).saves({ teamId: red, fileName: "main.py" });
    expect(history.map((s) => [s.authorName, s.version, s.linesAdded, s.linesRemoved])).toEqual([
      ["Ben", 3, 1, 0],
      ["Ada", 2, 1, 0],
    ]);
    expect(await as(users.ada).save({ teamId: red, saveId: history[0]!.id })).toMatchObject({ previousContent: `${main.content}# ada\n`, content: `${main.content}# ada\n# ben\n` });
    await expect(as(users.ada).saveFile({ teamId: red, name: "../etc.py", content: "", baseVersion: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Too large is refused at the boundary, before the team is even looked up.
    const tooLarge = "#".repeat(submissionLimits.maxFileKib * 1024 + 1);
    for (const author of [users.ada, users.outsider]) {
      await expect(as(author).saveFile({ teamId: red, name: "main.py", content: tooLarge, baseVersion: 3 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(`at most ${submissionLimits.maxFileKib} KiB`) });
    }
  });

  it("grades milestones: every member hears the result, the best counts, late is marked, and contributions credit tests turned green", async () => {
    const stream = (await as(users.ben).watch({ teamId: red }))[Symbol.asyncIterator]();
    const blueStream = (await as(users.cy).watch({ teamId: blue }))[Symbol.asyncIterator]();
    try {
      await stream.next();
      expect((await blueStream.next()).value).toEqual({ kind: "ready" });
      // S1 (Ada): catalog, after its due date.
      const s1 = await as(users.ada).submitMilestone({ teamId: red, milestoneKey: "catalog" });
      expect(s1).toMatchObject({ status: "queued", isLate: true });
      await grade(s1.id, { test_a: "passed", test_b: "failed", test_c: "failed" });
      expect(await nextMatching(stream, (e) => e.kind === "milestone.graded")).toEqual({ kind: "milestone.graded", submissionId: s1.id, milestoneKey: "catalog", status: "failed" });

      // Ben changes crud.py: test_b turns green in S2 (his).
      const crud = (await as(users.ben).code({ teamId: red })).files.find((f) => f.name === "crud.py")!;
      await as(users.ben).saveFile({ teamId: red, name: "crud.py", content: `${crud.content}# books\n# more\n`, baseVersion: crud.version });
      const s2 = await as(users.ben).submitMilestone({ teamId: red, milestoneKey: "catalog" });
      await grade(s2.id, { test_a: "passed", test_b: "passed", test_c: "failed" });
      // Ada then fixes test_c (S3) and submits loans, on time (S4); a lower score after the best does not count.
      const models = (await as(users.ada).code({ teamId: red })).files.find((f) => f.name === "models.py")!;
      await as(users.ada).saveFile({ teamId: red, name: "models.py", content: `${models.content}# fix\n`, baseVersion: models.version });
      const s3 = await as(users.ada).submitMilestone({ teamId: red, milestoneKey: "catalog" });
      await grade(s3.id, { test_a: "passed", test_b: "passed", test_c: "passed" });
      const s4 = await as(users.ada).submitMilestone({ teamId: red, milestoneKey: "loans" });
      expect(s4.isLate).toBe(false);
      await grade(s4.id, { test_d: "passed", test_e: "passed" });
      const s5 = await as(users.ben).submitMilestone({ teamId: red, milestoneKey: "loans" });
      await grade(s5.id, { test_d: "passed", test_e: "failed" });
      expect(await nextMatching(stream, (e) => e.kind === "milestone.graded" && e.submissionId === s5.id)).toMatchObject({ milestoneKey: "loans", status: "failed" });
      // Blue heard none of Red's gradings: its first event is its own change, made after them.
      await as(users.dan).createTask({ teamId: blue, title: "Marker" });
      expect((await blueStream.next()).value).toMatchObject({ kind: "change", change: { teamId: blue, kind: "task.created" } });

      const results = await as(users.ada).milestones({ teamId: red });
      expect(results.map((m) => [m.key, m.status, m.isOverdue, m.submissionCount, m.best && [m.best.submissionId, m.best.score, m.best.isLate]])).toEqual([
        ["catalog", "late", true, 3, [s3.id, 10, true]],
        ["loans", "passed", false, 2, [s4.id, 10, false]],
        ["search", "not-started", false, 0, null],
      ]);
      expect(results[0]!.submissions.map((s) => [s.submittedByName, s.score, s.isLate])).toEqual([
        ["Ada", 3.33, true],
        ["Ben", 6.67, true],
        ["Ada", 10, true],
      ]);
      const detail = await as(users.ben).submission({ teamId: red, submissionId: s1.id });
      expect(detail.tests.map((t) => [t.name, t.status])).toEqual([
        ["test_a", "passed"],
        ["test_b", "failed"],
        ["test_c", "failed"],
      ]);
      await expect(as(users.cy).submission({ teamId: blue, submissionId: s1.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

      // Ada: "Write the models" done, main.py (+1) and models.py (+1), S1 S3 S4, test_c. Ben: main.py (+1) and crud.py (+2), S2 S5, test_b.
      expect(await as(users.ben).contributions({ teamId: red })).toEqual([
        { userId: users.ada.id, name: "Ada", tasksCompleted: 1, saves: 2, linesAdded: 2, linesRemoved: 0, submissions: 3, testsTurnedGreen: 1, hasContributedNothing: false },
        { userId: users.ben.id, name: "Ben", tasksCompleted: 0, saves: 2, linesAdded: 3, linesRemoved: 0, submissions: 2, testsTurnedGreen: 1, hasContributedNothing: false },
      ]);
    } finally {
      await stream.return?.();
      await blueStream.return?.();
    }
  });

  it("shows peer ratings, factors and flags to the instructor only", async () => {
    const rate = (rater: (typeof users)["cy"], ratings: [typeof users.cy, number, number, number][]) =>
      as(rater).ratePeers({ teamId: blue, milestoneKey: "catalog", ratings: ratings.map(([ratee, contribution, quality, communication]) => ({ rateeId: ratee.id, contribution, quality, communication, comment: `for ${ratee.name}` })) });
    await expect(rate(users.cy, [[users.cy, 5, 5, 5]])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(rate(users.cy, [[users.ada, 5, 5, 5]])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(rate(users.cy, [[users.dan, 6, 5, 5]])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(rate(users.ada, [[users.cy, 5, 5, 5]])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await rate(users.cy, [[users.dan, 1, 1, 1]]);
    // Rating again replaces the earlier rating.
    await rate(users.cy, [
      [users.dan, 5, 5, 5],
      [users.eve, 2, 2, 1],
    ]);
    await rate(users.dan, [
      [users.cy, 4, 4, 4],
      [users.eve, 2, 1, 2],
    ]);
    await rate(users.eve, [
      [users.cy, 4, 5, 4],
      [users.dan, 5, 4, 5],
    ]);
    expect(await as(users.cy).myPeerReview({ teamId: blue, milestoneKey: "catalog" })).toEqual({
      milestoneKey: "catalog",
      teammates: [
        { id: users.dan.id, name: "Dan", isRated: true },
        { id: users.eve.id, name: "Eve", isRated: true },
      ],
    });
    for (const learner of [users.cy, users.eve, users.ada]) {
      await expect(as(learner).peerReview({ teamId: blue, milestoneKey: "catalog" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(as(users.otherInstructor).peerReview({ teamId: blue, milestoneKey: "catalog" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const review = await as(users.instructor).peerReview({ teamId: blue, milestoneKey: "catalog" });
    // Means received: Cy (4 + 4.33) / 2 = 4.17, Dan (5 + 4.67) / 2 = 4.83, Eve 1.67; the team's 3.56.
    expect(review.members).toEqual([
      { userId: users.cy.id, name: "Cy", ratingsReceived: 2, meanRating: 4.17, adjustmentFactor: 1.1, flags: [] },
      { userId: users.dan.id, name: "Dan", ratingsReceived: 2, meanRating: 4.83, adjustmentFactor: 1.1, flags: ["contributed-nothing"] },
      { userId: users.eve.id, name: "Eve", ratingsReceived: 2, meanRating: 1.67, adjustmentFactor: 0.8, flags: ["rated-far-below", "contributed-nothing"] },
    ]);
    expect(review.ratings).toHaveLength(6);
    expect(review.ratings.find((r) => r.raterId === users.cy.id && r.rateeId === users.dan.id)).toMatchObject({ contribution: 5, comment: "for Dan" });
  });

  it("gives the instructor every team at a glance: milestone status and best score, last activity, imbalance flags", async () => {
    await expect(as(users.ada).overview({ projectId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(users.otherInstructor).overview({ projectId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const overview = await as(users.instructor).overview({ projectId });
    expect(overview.teams.map((t) => [t.name, t.memberCount, t.milestones.map((m) => [m.key, m.status, m.bestScore]), t.flags])).toEqual([
      [
        "Blue",
        3,
        [
          ["catalog", "late", null],
          ["loans", "not-started", null],
          ["search", "not-started", null],
        ],
        [
          { kind: "contributed-nothing", userId: users.dan.id, name: "Dan" },
          { kind: "contributed-nothing", userId: users.eve.id, name: "Eve" },
          { kind: "dominant-member", userId: users.cy.id, name: "Cy", share: 1 },
        ],
      ],
      [
        "Red",
        2,
        [
          ["catalog", "late", 10],
          ["loans", "passed", 10],
          ["search", "not-started", null],
        ],
        [],
      ],
    ]);
    for (const team of overview.teams) expect(team.lastActivityAt).toBeInstanceOf(Date);
  });

  it("tells watchers to read everything again after the team listener reconnected, and ends a stream when its client goes away", async () => {
    const controller = new AbortController();
    const caller = createCaller(createContextInner({ db: testDb.db, grading: grading.ports, user: { ...users.cy, role: "learner" } }), { signal: controller.signal });
    const events = (await caller.team.watch({ teamId: blue }))[Symbol.asyncIterator]();
    expect((await events.next()).value).toEqual({ kind: "ready" });
    await testDb.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = ${`LISTEN ${TEAM_CHANNEL}`}`);
    // Earlier tests' changes of this team may still be on their way: waited past, by kind.
    expect(await nextMatching(events, (e) => e.kind === "resync")).toEqual({ kind: "resync" });
    // Listening again: the next change arrives.
    await as(users.dan).createTask({ teamId: blue, title: "After the reconnect" });
    expect(await nextMatching(events, (e) => e.kind === "change" && e.change.kind === "task.created")).toMatchObject({ change: { actorId: users.dan.id } });
    const next = events.next();
    controller.abort();
    expect((await next).done).toBe(true);
  });

  it("answers the second of two members creating the same new file at once with the conflict reply, writing nothing of theirs", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let markInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (markInserted = resolve));
    // Ben's new file is inserted and held uncommitted, so Ada's save of the same new file reaches its insert and waits on his.
    const bens = withTransaction(testDb.db, async (tx) => {
      await tx.insert(schema.teamFile).values({ teamId: red, name: "race.py", content: "# ben\n", updatedBy: users.ben.id });
      markInserted();
      await released;
    });
    await inserted;
    const adas = as(users.ada).saveFile({ teamId: red, name: "race.py", content: "# ada\n", baseVersion: 0 });
    const waitingInserts = async () => {
      const result = await testDb.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike 'insert into "team_file"%'`);
      return (result.rows[0] as { n: number }).n;
    };
    await expect.poll(waitingInserts, { timeout: 20_000, interval: 20 }).toBe(1);
    release();
    await bens;
    expect(await adas).toMatchObject({ status: "conflict", current: { name: "race.py", content: "# ben\n", version: 1, updatedBy: users.ben.id, updatedByName: "Ben" } });
    expect(await as(users.ada).saves({ teamId: red, fileName: "race.py" })).toEqual([]);
    await testDb.db.delete(schema.teamFile).where(and(eq(schema.teamFile.teamId, red), eq(schema.teamFile.name, "race.py")));
  });
  it("keeps peer ratings with the team they were given in when a rated member moves to another team", async () => {
    // Cy and Eve rated Dan in Blue at "catalog"; the same milestone is Red's too.
    await as(users.instructor).moveLearner({ projectId, userId: users.dan.id, toTeamId: red });
    try {
      const review = await as(users.instructor).peerReview({ teamId: red, milestoneKey: "catalog" });
      expect(review.ratings).toEqual([]);
      expect(review.members.find((m) => m.userId === users.dan.id)).toMatchObject({ ratingsReceived: 0, meanRating: null });
    } finally {
      await as(users.instructor).moveLearner({ projectId, userId: users.dan.id, toTeamId: blue });
    }
    expect((await as(users.instructor).peerReview({ teamId: blue, milestoneKey: "catalog" })).ratings).toHaveLength(6);
  });
});
