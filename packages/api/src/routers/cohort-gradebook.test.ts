import { schema } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

// Whole days around the week's edge (1-3 days in, 8 or more out), so a slow run moves nothing across it.
const now = new Date();
const daysAgo = (days: number, hours = 0) => new Date(now.getTime() - days * 86_400_000 + hours * 3_600_000);

/**
 * A cohort of three learners over three exercises (10 points each), its numbers worked out by hand:
 *   Ada  E1: 2.50, 6.67, 5.45 → best 6.67 (the 2nd), 3 attempts; E2: 10 passed twice → the earlier;
 *        total 16.67 of 30 = 55.57 %. A later "Run visible tests" scoring 10 and a queued submission count for nothing.
 *   Ben  E1: error (no score), 5.45 → best 5.45, 2 attempts; E3: timeout (no score) → best none, 1 attempt;
 *        total 5.45 of 30 = 18.17 %.
 *   Cy   no attempts → 0 %.
 * Outside the gradebook: a learner of another cohort, the instructor's own submission, an archived exercise,
 * a team-project template (not on offer to solo practice).
 */
async function seedFixture(db: Awaited<ReturnType<typeof createTestDb>>["db"]) {
  const instructor = await seedUser(db, { role: "instructor" });
  const [ada, ben, cy, outsider] = [
    await seedUser(db, { name: "Ada" }),
    await seedUser(db, { name: "Ben" }),
    await seedUser(db, { name: "Cy" }),
    await seedUser(db, { name: "Outsider" }),
  ];
  const e1 = await seedExercise(db, { title: "First", section: "3.1" });
  const e2 = await seedExercise(db, { title: "Second", section: "3.2" });
  const e3 = await seedExercise(db, { title: "Third", section: "4.1" });
  await seedExercise(db, { title: "Retired", section: "4.2", isArchived: true });
  await seedExercise(db, { title: "Team template", section: "4.3", isTeamTemplate: true });
  const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: [ada!.id, ben!.id, cy!.id] });
  await seedCohort(db, { instructorId: instructor.id, memberIds: [outsider!.id] });

  const submit = (userId: string, exerciseId: string, createdAt: Date, status: "passed" | "failed" | "error" | "timeout" | "queued", score: number | null, mode: "submit" | "run-visible" = "submit") =>
    seedSubmission(db, { userId, exerciseId, createdAt, status, score, maxScore: score === null ? null : 10, mode });

  await submit(ada!.id, e1.id, daysAgo(10), "failed", 2.5);
  const adaBest = await submit(ada!.id, e1.id, daysAgo(9), "failed", 6.67);
  await submit(ada!.id, e1.id, daysAgo(2), "failed", 5.45);
  await submit(ada!.id, e1.id, daysAgo(1), "passed", 10, "run-visible");
  await submit(ada!.id, e1.id, daysAgo(0), "queued", null);
  const adaPass = await submit(ada!.id, e2.id, daysAgo(8), "passed", 10);
  await submit(ada!.id, e2.id, daysAgo(3), "passed", 10);

  await submit(ben!.id, e1.id, daysAgo(20), "error", null);
  const benBest = await submit(ben!.id, e1.id, daysAgo(20, 1), "failed", 5.45);
  const benTimeout = await submit(ben!.id, e3.id, daysAgo(15), "timeout", null);
  await db.insert(schema.quizAttempt).values({ userId: ben!.id, sectionId: "3.1", answers: {}, score: 1, maxScore: 2, createdAt: daysAgo(8) });

  await db.insert(schema.lessonProgress).values({ userId: cy!.id, sectionId: "3.1", readAt: daysAgo(3) });

  await submit(outsider!.id, e1.id, daysAgo(1), "passed", 10);
  await submit(instructor.id, e2.id, daysAgo(1), "passed", 10);
  return { instructor, ada: ada!, ben: ben!, cy: cy!, cohort, exercises: [e1, e2, e3], adaBest, adaPass, benBest, benTimeout };
}

describe("cohort gradebook and headlines on a hand-computed fixture", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let fixture: Awaited<ReturnType<typeof seedFixture>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    fixture = await seedFixture(testDb.db);
  });
  afterAll(() => testDb.close());

  it("gives each cell's best score with its submission, attempts and last activity, and each learner's totals", async () => {
    const { instructor, ada, ben, cy, cohort, exercises, adaBest, adaPass, benBest, benTimeout } = fixture;
    const [e1, e2, e3] = exercises;
    const gradebook = await createTestCaller(testDb.db, instructor).cohort.gradebook({ cohortId: cohort.id });

    expect(gradebook.cohort).toEqual({ id: cohort.id, name: cohort.name, archivedAt: null });
    expect(gradebook.exercises).toEqual([
      { id: e1!.id, title: "First", section: "3.1", points: 10 },
      { id: e2!.id, title: "Second", section: "3.2", points: 10 },
      { id: e3!.id, title: "Third", section: "4.1", points: 10 },
    ]);
    expect(gradebook.learners.map((l) => l.name)).toEqual(["Ada", "Ben", "Cy"]);
    const [adaRow, benRow, cyRow] = gradebook.learners;

    expect(adaRow).toMatchObject({ id: ada.id, email: ada.email });
    expect(adaRow!.cells).toEqual({
      [e1!.id]: { bestScore: 6.67, bestSubmissionId: adaBest.id, attempts: 3, isPassed: false, lastActivityAt: daysAgo(2) },
      [e2!.id]: { bestScore: 10, bestSubmissionId: adaPass.id, attempts: 2, isPassed: true, lastActivityAt: daysAgo(3) },
    });
    expect(adaRow!.totals).toEqual({
      totalScore: 16.67,
      pointsPossible: 30,
      progressPercent: 55.57,
      exercisesAttempted: 2,
      exercisesPassed: 1,
      attempts: 5,
      lastActivityAt: daysAgo(2),
    });

    expect(benRow!.cells).toEqual({
      [e1!.id]: { bestScore: 5.45, bestSubmissionId: benBest.id, attempts: 2, isPassed: false, lastActivityAt: daysAgo(20, 1) },
      [e3!.id]: { bestScore: null, bestSubmissionId: benTimeout.id, attempts: 1, isPassed: false, lastActivityAt: daysAgo(15) },
    });
    expect(benRow!.totals).toMatchObject({ totalScore: 5.45, progressPercent: 18.17, exercisesAttempted: 2, exercisesPassed: 0, attempts: 3, lastActivityAt: daysAgo(15) });

    expect(cyRow).toMatchObject({ id: cy.id, cells: {} });
    expect(cyRow!.totals).toEqual({ totalScore: 0, pointsPossible: 30, progressPercent: 0, exercisesAttempted: 0, exercisesPassed: 0, attempts: 0, lastActivityAt: null });
    expect(ben.id).toBe(benRow!.id);
  });

  it("sums the headline figures from the same submissions", async () => {
    const { instructor, cohort } = fixture;
    const caller = createTestCaller(testDb.db, instructor);
    const headlines = await caller.cohort.headlines({ cohortId: cohort.id });
    // Active: Ada (submitted 2 days ago) and Cy (read a lesson 3 days ago); Ben's last quiz is 8 days old.
    // This week: Ada's two graded submissions 2 and 3 days ago; the run and the queued one do not count.
    expect(headlines).toMatchObject({ learnerCount: 3, activeLearnersThisWeek: 2, submissions: 8, submissionsThisWeek: 2, medianProgressPercent: 18.17 });
  });
});
