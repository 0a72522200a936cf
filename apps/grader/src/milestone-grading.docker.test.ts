import { readFile } from "node:fs/promises";
import path from "node:path";

import { eq, schema } from "@academy/db";
import { createTestDb, seedTeamProject, seedUser } from "@academy/db/testing";
import { resolveExercisesDir } from "@academy/exercises";
import { createGradingPorts, createSubmission, syncExercises } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { removeKilledGradersContainers, spawnGrader } from "./testing/grader-process";
import { waitForFinal } from "./testing/submission-state";

// The repository's own team-project template, graded by a real grader process as a team's submission would be.
const exercisesDir = resolveExercisesDir({ from: import.meta.dirname });
const templateId = "library-loans-team-project";
const MODULES = ["main.py", "database.py", "models.py", "schemas.py", "crud.py", "security.py"];

async function readProject(folder: string) {
  return Promise.all(MODULES.map(async (name) => ({ name, content: await readFile(path.join(exercisesDir, templateId, folder, name), "utf8") })));
}

describe("a submission that names a milestone, graded by a real grader", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  const startedAt = Date.now();

  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, exercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir });
  });
  afterAll(async () => {
    await removeKilledGradersContainers(startedAt);
    await grading?.close();
    await testDb?.close();
  });

  const submit = async (folder: string, milestoneKey: string) => {
    const member = await seedUser(testDb.db);
    const teamProjectId = await seedTeamProject(testDb.db, { memberId: member.id, exerciseId: templateId });
    return createSubmission(testDb.db, grading.ports, { userId: member.id, exerciseId: templateId, mode: "submit", files: await readProject(folder), milestoneKey, teamProjectId });
  };
  const readTestNames = async (submissionId: string) =>
    (await testDb.db.select({ name: schema.testResult.name }).from(schema.testResult).where(eq(schema.testResult.submissionId, submissionId))).map((r) => r.name);

  it("grades each submission against its milestone's suite only", async () => {
    const milestones = await testDb.db
      .select()
      .from(schema.exerciseMilestone)
      .where(eq(schema.exerciseMilestone.exerciseId, templateId))
      .orderBy(schema.exerciseMilestone.position);
    expect(milestones.map((m) => m.key)).toEqual(["catalog", "loans", "search"]);
    const catalogDone = await submit("milestones/catalog/solution", "catalog");
    const loansEarly = await submit("milestones/catalog/solution", "loans");
    const grader = spawnGrader(testDb.url, { EXERCISES_DIR: exercisesDir });
    try {
      const passed = await waitForFinal(testDb.db, catalogDone.id, 120_000, grader.output);
      expect(passed, grader.output()).toMatchObject({ status: "passed", score: 30, maxScore: 30, milestoneKey: "catalog" });
      expect(passed.report).toMatchObject({ milestone: "catalog" });
      const catalogTests = await readTestNames(catalogDone.id);
      expect(catalogTests).toHaveLength(2 + milestones[0]!.hiddenTestCount);
      expect(catalogTests).toContain("test_duplicate_isbn_is_409");

      const failed = await waitForFinal(testDb.db, loansEarly.id, 120_000, grader.output);
      expect(failed, grader.output()).toMatchObject({ status: "failed", score: 0, maxScore: 30, milestoneKey: "loans" });
      expect(failed.report).toMatchObject({ milestone: "loans" });
      const loansTests = await readTestNames(loansEarly.id);
      expect(loansTests).toHaveLength(2 + milestones[1]!.hiddenTestCount);
      expect(loansTests).not.toContain("test_duplicate_isbn_is_409");
    } finally {
      grader.child.kill("SIGTERM");
      expect(await grader.exited, grader.output()).toBe(0);
    }
  });
});
