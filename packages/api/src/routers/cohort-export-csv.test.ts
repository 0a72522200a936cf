import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

const at = (day: number) => new Date(`2026-03-0${day}T10:00:00.000Z`);

describe("cohort CSV exports", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  it("writes the gradebook with a header, fractional scores, and a name holding a comma and quotes escaped", async () => {
    const { db } = testDb;
    const instructor = await seedUser(db, { role: "instructor" });
    const ada = await seedUser(db, { name: "Ada Byron", email: "ada@csv.test" });
    const countess = await seedUser(db, { name: 'Lovelace, "Countess"', email: "lovelace@csv.test" });
    const cohort = await seedCohort(db, { instructorId: instructor.id, name: "Spring 2027 · evening", memberIds: [ada.id, countess.id] });
    const hello = await seedExercise(db, { title: "Hello, world", section: "3.1" });
    await seedExercise(db, { title: "Items", section: "3.2" });
    await seedSubmission(db, { userId: ada.id, exerciseId: hello.id, status: "failed", score: 6.67, maxScore: 10, createdAt: at(1) });
    await seedSubmission(db, { userId: ada.id, exerciseId: hello.id, status: "failed", score: 5.45, maxScore: 10, createdAt: at(2) });
    await seedSubmission(db, { userId: countess.id, exerciseId: hello.id, status: "passed", score: 10, maxScore: 10, createdAt: at(3) });

    const exported = await createTestCaller(db, instructor).cohort.exportGradebookCsv({ cohortId: cohort.id });
    expect(exported.fileName).toBe("spring-2027-evening-gradebook.csv");
    expect(exported.csv).toBe(
      [
        'Learner,Email,Total score,Points possible,Progress %,Exercises passed,Attempts,Last activity,"Hello, world (3.1) best of 10","Hello, world (3.1) attempts",Items (3.2) best of 10,Items (3.2) attempts',
        "Ada Byron,ada@csv.test,6.67,20,33.35,0,2,2026-03-02T10:00:00.000Z,6.67,2,,0",
        '"Lovelace, ""Countess""",lovelace@csv.test,10,20,50,1,1,2026-03-03T10:00:00.000Z,10,1,,0',
        "",
      ].join("\r\n"),
    );
  });

  it("writes one exercise's results with the submissions behind them, and defuses a name that looks like a formula", async () => {
    const { db } = testDb;
    const instructor = await seedUser(db, { role: "instructor" });
    const formula = await seedUser(db, { name: "=HYPERLINK(\"http://evil.example\")", email: "formula@csv.test" });
    const cohort = await seedCohort(db, { instructorId: instructor.id, name: "Formulas", memberIds: [formula.id] });
    const exercise = await seedExercise(db, { title: "Status codes", section: "4.1", points: 5 });
    const first = await seedSubmission(db, { userId: formula.id, exerciseId: exercise.id, status: "failed", score: 2.73, maxScore: 5, createdAt: at(1) });
    const second = await seedSubmission(db, { userId: formula.id, exerciseId: exercise.id, status: "passed", score: 5, maxScore: 5, createdAt: at(4) });

    const exported = await createTestCaller(db, instructor).cohort.exportExerciseResultsCsv({ cohortId: cohort.id, exerciseId: exercise.id });
    expect(exported.fileName).toBe(`formulas-${exercise.id}.csv`);
    expect(exported.csv).toBe(
      [
        "Learner,Email,Best score of 5,Passed,Attempts,Attempts to pass,Last status,Last activity,Best submission id,Last submission id",
        `"'=HYPERLINK(""http://evil.example"")",formula@csv.test,5,yes,2,2,passed,2026-03-04T10:00:00.000Z,${second.id},${second.id}`,
        "",
      ].join("\r\n"),
    );
    expect(first.id).not.toBe(second.id);
  });
});
