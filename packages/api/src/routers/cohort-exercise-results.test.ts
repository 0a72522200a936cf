import type { Db } from "@academy/db";
import { schema } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

type Outcome = "P" | "S" | [status: "failed" | "error", message: string];

const startedAt = new Date("2026-03-01T10:00:00Z");
let minutes = 0;

/** A graded submission with its stored per-test results, one per test name in order; each one later than the last. */
async function submitWithTests(db: Db, userId: string, exerciseId: string, status: "passed" | "failed" | "error", score: number | null, tests: Record<string, Outcome>, mode: "submit" | "run-visible" = "submit") {
  const created = await seedSubmission(db, { userId, exerciseId, status, score, maxScore: 10, mode, createdAt: new Date(startedAt.getTime() + ++minutes * 60_000) });
  const rows = Object.entries(tests).map(([name, outcome], position) => ({
    submissionId: created.id,
    position,
    name,
    visibility: position === 0 ? ("visible" as const) : ("hidden" as const),
    status: outcome === "P" ? ("passed" as const) : outcome === "S" ? ("skipped" as const) : outcome[0],
    message: typeof outcome === "string" ? null : outcome[1],
  }));
  if (rows.length > 0) await db.insert(schema.testResult).values(rows);
  return created;
}

/**
 * Exercise "Items" (tests status, body, edge, extra), item analysis on each learner's latest graded submission:
 *   Ada   1st all failing (not counted: not her latest), 2nd passes all → passed at attempt 2
 *   Ben   status P, body P, edge F "assert 404 == 200", extra P (7.50); a later "Run visible tests" passing counts for nothing
 *   Cy    status P, body F "KeyError: 'id'", edge F "assert 404 == 200" + a second line, extra P (5.00)
 *   Dee   1st an error with no test results; 2nd status F "KeyError: 'id'", body F "KeyError:  'id'", edge F at 0x7f3a2b10, extra skipped (0)
 *   Eve   6.67 twice (the earlier is her best), the latest: edge F at 0x55d1c0ff, the rest passing
 *   Fay   only an error without test results; Gus nothing. A learner of another cohort fails edge too (not counted).
 * So: passed 1 of 6 who attempted (16.67 %); edge failed by 4 of 5 with results (80 %: almost everyone);
 * body 2 of 5 (40 %) with one message "KeyError: 'id'" twice; extra 0 of 4 (Dee's skipped test counts neither way).
 * Edge is also possibly broken: Ben and Eve pass every other test and fail it (2 of the 3 who pass the rest, with Ada).
 * Exercise "Greeting" (t1, t2, t3): Ada and Ben pass t1, t2 and fail t3; Cy passes all; Dee fails t1 and t3.
 * t3 fails for 2 of the 3 learners who pass everything else: possibly broken (75 % failing, not "almost everyone").
 */
async function seedFixture(db: Db) {
  const instructor = await seedUser(db, { role: "instructor" });
  const names = ["Ada", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus"] as const;
  const learners = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await seedUser(db, { name })] as const))) as Record<(typeof names)[number], Awaited<ReturnType<typeof seedUser>>>;
  const outsider = await seedUser(db, { name: "Outsider" });
  const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: names.map((name) => learners[name].id) });
  await seedCohort(db, { instructorId: instructor.id, memberIds: [outsider.id] });
  const items = await seedExercise(db, { title: "Items", section: "3.1" });
  const greeting = await seedExercise(db, { title: "Greeting", section: "3.2" });
  const fail = (message: string): Outcome => ["failed", message];
  const submit = (name: (typeof names)[number], ...rest: Parameters<typeof submitWithTests> extends [Db, string, ...infer R] ? R : never) =>
    submitWithTests(db, learners[name].id, ...rest);

  const ada1 = await submit("Ada", items.id, "failed", 0, { status: fail("KeyError: 'id'"), body: fail("KeyError: 'id'"), edge: fail("assert 404 == 200"), extra: fail("boom") });
  const ada2 = await submit("Ada", items.id, "passed", 10, { status: "P", body: "P", edge: "P", extra: "P" });
  const ben1 = await submit("Ben", items.id, "failed", 7.5, { status: "P", body: "P", edge: fail("assert 404 == 200"), extra: "P" });
  await submit("Ben", items.id, "passed", 10, { status: "P", body: "P", edge: "P", extra: "P" }, "run-visible");
  const cy1 = await submit("Cy", items.id, "failed", 5, { status: "P", body: fail("KeyError: 'id'"), edge: fail("assert 404 == 200\nwhere 404 = <Response [404]>.status_code"), extra: "P" });
  const dee1 = await submit("Dee", items.id, "error", null, {});
  const dee2 = await submit("Dee", items.id, "failed", 0, {
    status: fail("KeyError: 'id'"),
    body: fail("\n  KeyError:  'id'  \n"),
    edge: fail("AssertionError: <Response object at 0x7f3a2b10>"),
    extra: "S",
  });
  const eve1 = await submit("Eve", items.id, "failed", 6.67, { status: "P", body: "P", edge: fail("AssertionError: <Response object at 0x55d1c0>"), extra: "P" });
  const eve2 = await submit("Eve", items.id, "failed", 6.67, { status: "P", body: "P", edge: fail("AssertionError: <Response object at 0x55d1c0ff>"), extra: "P" });
  const fay1 = await submit("Fay", items.id, "error", null, {});
  await submitWithTests(db, outsider.id, items.id, "failed", 0, { status: "P", body: "P", edge: fail("assert 404 == 200"), extra: "P" });

  const hello = "AssertionError: assert 'Hello' == 'Hello!'";
  await submit("Ada", greeting.id, "failed", 6.67, { t1: "P", t2: "P", t3: fail(hello) });
  await submit("Ben", greeting.id, "failed", 6.67, { t1: "P", t2: "P", t3: fail(hello) });
  await submit("Cy", greeting.id, "passed", 10, { t1: "P", t2: "P", t3: "P" });
  await submit("Dee", greeting.id, "failed", 3.33, { t1: fail("KeyError: 'name'"), t2: "P", t3: fail(hello) });

  return { instructor, learners, outsider, cohort, items, greeting, submissions: { ada1, ada2, ben1, cy1, dee1, dee2, eve1, eve2, fay1 } };
}

describe("cohort.exerciseResults on a hand-computed fixture", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let fixture: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    fixture = await seedFixture(testDb.db);
  });
  afterAll(() => testDb.close());

  it("gives the pass rate, attempts to pass and each learner's results with the submissions behind them", async () => {
    const { instructor, cohort, items, learners: l, submissions: s } = fixture;
    const results = await createTestCaller(testDb.db, instructor).cohort.exerciseResults({ cohortId: cohort.id, exerciseId: items.id });

    expect(results.exercise).toEqual({ id: items.id, title: "Items", section: "3.1", points: 10 });
    expect(results.learnerCount).toBe(7);
    expect(results.attemptedLearnerIds).toEqual([l.Ada.id, l.Ben.id, l.Cy.id, l.Dee.id, l.Eve.id, l.Fay.id]);
    expect(results.passedLearnerIds).toEqual([l.Ada.id]);
    expect(results.passPercent).toBe(16.67);
    expect(results.attemptsToPass).toEqual([{ attempts: 2, learnerIds: [l.Ada.id] }]);

    const row = (name: keyof typeof l) => results.learners.find((learner) => learner.id === l[name].id);
    expect(results.learners.map((learner) => learner.name)).toEqual(["Ada", "Ben", "Cy", "Dee", "Eve", "Fay", "Gus"]);
    expect(row("Ada")).toMatchObject({ attempts: 2, bestScore: 10, bestSubmissionId: s.ada2.id, isPassed: true, attemptsToPass: 2, lastSubmissionId: s.ada2.id, lastStatus: "passed" });
    expect(row("Ben")).toMatchObject({ attempts: 1, bestScore: 7.5, bestSubmissionId: s.ben1.id, isPassed: false, attemptsToPass: null, lastSubmissionId: s.ben1.id });
    expect(row("Dee")).toMatchObject({ attempts: 2, bestScore: 0, bestSubmissionId: s.dee2.id, lastSubmissionId: s.dee2.id, lastStatus: "failed" });
    expect(row("Eve")).toMatchObject({ attempts: 2, bestScore: 6.67, bestSubmissionId: s.eve1.id, lastSubmissionId: s.eve2.id });
    expect(row("Fay")).toMatchObject({ attempts: 1, bestScore: null, bestSubmissionId: s.fay1.id, lastStatus: "error" });
    expect(row("Gus")).toEqual({
      id: l.Gus.id,
      name: "Gus",
      email: l.Gus.email,
      attempts: 0,
      bestScore: null,
      bestSubmissionId: null,
      isPassed: false,
      attemptsToPass: null,
      lastSubmissionId: null,
      lastStatus: null,
      lastActivityAt: null,
    });
  });

  it("analyses each test on the learners' latest graded submissions: fail rate, top messages normalised, almost everyone failing", async () => {
    const { instructor, cohort, items, learners: l, submissions: s } = fixture;
    const { itemAnalysis } = await createTestCaller(testDb.db, instructor).cohort.exerciseResults({ cohortId: cohort.id, exerciseId: items.id });

    expect(itemAnalysis.basis).toBe("latest-graded-submission");
    expect(itemAnalysis.submissionIds).toEqual([s.ada2.id, s.ben1.id, s.cy1.id, s.dee2.id, s.eve2.id, s.fay1.id]);
    expect(itemAnalysis.tests.map((test) => [test.name, test.visibility, test.learnerCount, test.failedCount, test.failPercent, test.isAlmostAlwaysFailed, test.isPossiblyBroken])).toEqual([
      ["status", "visible", 5, 1, 20, false, false],
      ["body", "hidden", 5, 2, 40, false, false],
      ["edge", "hidden", 5, 4, 80, true, true],
      ["extra", "hidden", 4, 0, 0, false, false],
    ]);
    const [status, body, edge] = itemAnalysis.tests;
    expect(status!.failedLearnerIds).toEqual([l.Dee.id]);
    expect(body!.topMessages).toEqual([{ message: "KeyError: 'id'", count: 2, submissionIds: [s.cy1.id, s.dee2.id] }]);
    expect(edge!.failedLearnerIds.toSorted()).toEqual([l.Ben.id, l.Cy.id, l.Dee.id, l.Eve.id].toSorted());
    // Ties in code-point order: upper case before lower case.
    expect(edge!.topMessages).toEqual([
      { message: "AssertionError: <Response object at 0x…>", count: 2, submissionIds: expect.arrayContaining([s.dee2.id, s.eve2.id]) },
      { message: "assert 404 == 200", count: 2, submissionIds: expect.arrayContaining([s.ben1.id, s.cy1.id]) },
    ]);
    // Only Ada passes every test other than status; Ada, Ben and Eve every test other than edge.
    expect(status).toMatchObject({ passOthersCount: 1, failsAloneLearnerIds: [] });
    expect(edge!.passOthersCount).toBe(3);
    expect(edge!.failsAloneLearnerIds.toSorted()).toEqual([l.Ben.id, l.Eve.id].toSorted());
  });

  it("flags a test that fails for the learners who pass everything else", async () => {
    const { instructor, cohort, greeting, learners: l } = fixture;
    const { itemAnalysis } = await createTestCaller(testDb.db, instructor).cohort.exerciseResults({ cohortId: cohort.id, exerciseId: greeting.id });
    const [t1, t2, t3] = itemAnalysis.tests;
    expect(t3).toMatchObject({
      name: "t3",
      learnerCount: 4,
      failedCount: 3,
      failPercent: 75,
      passOthersCount: 3,
      isAlmostAlwaysFailed: false,
      isPossiblyBroken: true,
      topMessages: [{ message: "AssertionError: assert 'Hello' == 'Hello!'", count: 3 }],
    });
    expect(t3!.failsAloneLearnerIds.toSorted()).toEqual([l.Ada.id, l.Ben.id].toSorted());
    expect(t1).toMatchObject({ failedCount: 1, passOthersCount: 1, failsAloneLearnerIds: [], isPossiblyBroken: false });
    expect(t2).toMatchObject({ failedCount: 0, isPossiblyBroken: false });
  });

  it("refuses an exercise that does not exist and a malformed id", async () => {
    const { instructor, cohort } = fixture;
    const caller = createTestCaller(testDb.db, instructor);
    await expect(caller.cohort.exerciseResults({ cohortId: cohort.id, exerciseId: "no-such-exercise" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.cohort.exerciseResults({ cohortId: cohort.id, exerciseId: "../etc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
