import { readFile } from "node:fs/promises";
import path from "node:path";

import { eq, schema } from "@academy/db";
import { createTestDb, seedTeamProject, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "../domain-error";
import { ensureMockExam } from "../exam/mock-exam";
import { syncExercises } from "../exercise/sync-exercises";
import { repoExercisesDir } from "../testing/repo-exercises-dir";
import { createGradingPorts } from "./create-grading-ports";
import { createSubmission } from "./create-submission";

const exerciseId = "basic-greeting-api";

describe("createSubmission", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let solution: string;

  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir, limits: { maxPerMinute: 3, maxBacklog: 1000 } });
    solution = await readFile(path.join(repoExercisesDir, exerciseId, "solution/main.py"), "utf8");
  });
  afterAll(async () => {
    await grading?.close();
    await testDb?.close();
  });

  const submit = (userId: string, files: { name: string; content: string }[], id = exerciseId) =>
    createSubmission(testDb.db, grading.ports, { userId, exerciseId: id, mode: "submit", files });
  const countSubmissions = async (userId: string) =>
    (await testDb.db.select({ id: schema.submission.id }).from(schema.submission).where(eq(schema.submission.userId, userId))).length;

  it("stores a queued submission and its job in one transaction", async () => {
    const user = await seedUser(testDb.db);
    const created = await submit(user.id, [{ name: "main.py", content: solution }]);
    expect(created.status).toBe("queued");
    const { rows } = await testDb.db.$client.query("select state from pgboss.job where data->>'submissionId' = $1", [created.id]);
    expect(rows).toEqual([{ state: "created" }]);
  });

  it.each([
    ["empty code", [{ name: "main.py", content: "   \n" }], /empty/],
    ["a file the exercise does not allow", [{ name: "evil.py", content: "x = 1" }], /not a file of this exercise/],
    ["a path that leaves its folder", [{ name: "../main.py", content: "x = 1" }], /leaves its folder/],
    ["a file over the size limit", [{ name: "main.py", content: "#".repeat(300 * 1024) }], /larger than/],
  ])("refuses %s with a clear message and stores nothing", async (_label, files, message) => {
    const user = await seedUser(testDb.db);
    await expect(submit(user.id, files)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    expect(await countSubmissions(user.id)).toBe(0);
  });

  it("refuses an unknown exercise", async () => {
    const user = await seedUser(testDb.db);
    const refusal = submit(user.id, [{ name: "main.py", content: solution }], "no-such-exercise");
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  /** A team's own project row for the library-loans template, in a cohort of its own. */
  const seedTeamProjectOf = (userId: string) => seedTeamProject(testDb.db, { memberId: userId, exerciseId: teamTemplateId });

  const teamTemplateId = "library-loans-team-project";
  const readCatalogSolution = () => {
    const template = path.join(repoExercisesDir, teamTemplateId, "milestones/catalog/solution");
    return Promise.all(
      ["main.py", "database.py", "models.py", "schemas.py", "crud.py", "security.py"].map(async (name) => ({ name, content: await readFile(path.join(template, name), "utf8") })),
    );
  };

  it("stores the milestone a team-project submission names, and refuses one its template lacks", async () => {
    const user = await seedUser(testDb.db);
    const files = await readCatalogSolution();
    const teamProjectId = await seedTeamProjectOf(user.id);
    const submitFor = (milestoneKey: string) =>
      createSubmission(testDb.db, grading.ports, { userId: user.id, exerciseId: teamTemplateId, mode: "submit", files, milestoneKey, teamProjectId });
    await expect(submitFor("reports")).rejects.toMatchObject({ code: "BAD_REQUEST", message: 'This project has no milestone "reports".' });
    expect(await countSubmissions(user.id)).toBe(0);
    const created = await submitFor("catalog");
    const [row] = await testDb.db.select({ milestoneKey: schema.submission.milestoneKey }).from(schema.submission).where(eq(schema.submission.id, created.id));
    expect(row).toEqual({ milestoneKey: "catalog" });
  });

  it("refuses a team-project template outside a team's milestone submission, as if it did not exist", async () => {
    const user = await seedUser(testDb.db);
    const files = await readCatalogSolution();
    const teamProjectId = await seedTeamProjectOf(user.id);
    for (const teamInput of [{}, { milestoneKey: "catalog" }, { teamProjectId }]) {
      const refusal = createSubmission(testDb.db, grading.ports, { userId: user.id, exerciseId: teamTemplateId, mode: "submit", files, ...teamInput });
      await expect(refusal).rejects.toMatchObject({ code: "NOT_FOUND", message: `There is no exercise "${teamTemplateId}".` });
    }
    expect(await countSubmissions(user.id)).toBe(0);
  });

  it("refuses practice grading of an exercise in the learner's running exam attempt, and grades it again once the attempt is over", async () => {
    const user = await seedUser(testDb.db);
    const other = await seedUser(testDb.db);
    const mock = await ensureMockExam(testDb.db);
    // Held in progress on purpose: a running attempt whose Part B holds this exercise.
    const [attempt] = await testDb.db
      .insert(schema.examAttempt)
      .values({ examId: mock.id, userId: user.id, seed: "held", questionIds: [], choiceOrders: {}, exerciseIds: ["another-exercise", exerciseId], deadlineAt: new Date(Date.now() + 3_600_000) })
      .returning({ id: schema.examAttempt.id });
    await expect(submit(user.id, [{ name: "main.py", content: solution }])).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("from the exam page"),
    });
    expect(await countSubmissions(user.id)).toBe(0);
    // Another learner practising the same exercise is not held back.
    await submit(other.id, [{ name: "main.py", content: solution }]);

    await testDb.db.update(schema.examAttempt).set({ status: "submitted", submittedAt: new Date() }).where(eq(schema.examAttempt.id, attempt!.id));
    expect((await submit(user.id, [{ name: "main.py", content: solution }])).status).toBe("queued");
  });

  it("refuses a second submission while the first is still being graded", async () => {
    const user = await seedUser(testDb.db);
    await submit(user.id, [{ name: "main.py", content: solution }]);
    await expect(submit(user.id, [{ name: "main.py", content: solution }])).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/still being graded/),
    });
    expect(await countSubmissions(user.id)).toBe(1);
  });

  it("limits submissions per minute", async () => {
    const user = await seedUser(testDb.db);
    for (let i = 0; i < 3; i++) {
      const created = await submit(user.id, [{ name: "main.py", content: solution }]);
      await testDb.db.update(schema.submission).set({ status: "passed" }).where(eq(schema.submission.id, created.id));
    }
    await expect(submit(user.id, [{ name: "main.py", content: solution }])).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("holds the per-minute limit when submissions of different exercises arrive together", async () => {
    const user = await seedUser(testDb.db);
    const exerciseIds = ["basic-greeting-api", "get-product-catalog", "post-tasks-created", "put-delete-contacts", "api-versioning", "cors-middleware-config"];
    const outcomes = await Promise.allSettled(exerciseIds.map((id) => submit(user.id, [{ name: "main.py", content: solution }], id)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    for (const outcome of outcomes.filter((o) => o.status === "rejected")) expect(outcome.reason).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await countSubmissions(user.id)).toBe(3);
  });

  it("holds the backlog bound when many learners submit at once", async () => {
    const busy = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir, limits: { maxBacklog: 2 } });
    try {
      await testDb.db.update(schema.submission).set({ status: "failed" }).where(eq(schema.submission.status, "queued"));
      const learners = await Promise.all(Array.from({ length: 8 }, () => seedUser(testDb.db)));
      const outcomes = await Promise.allSettled(
        learners.map((learner) => createSubmission(testDb.db, busy.ports, { userId: learner.id, exerciseId, mode: "submit", files: [{ name: "main.py", content: solution }] })),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(2);
      const queued = await testDb.db.select({ id: schema.submission.id }).from(schema.submission).where(eq(schema.submission.status, "queued"));
      expect(queued).toHaveLength(2);
    } finally {
      await busy.close();
    }
  });

  it("refuses new submissions when the backlog is full, losing none already queued", async () => {
    const busy = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir, limits: { maxBacklog: 1 } });
    try {
      const first = await seedUser(testDb.db);
      const second = await seedUser(testDb.db);
      await testDb.db.update(schema.submission).set({ status: "failed" }).where(eq(schema.submission.status, "queued"));
      await createSubmission(testDb.db, busy.ports, { userId: first.id, exerciseId, mode: "submit", files: [{ name: "main.py", content: solution }] });
      await expect(
        createSubmission(testDb.db, busy.ports, { userId: second.id, exerciseId, mode: "submit", files: [{ name: "main.py", content: solution }] }),
      ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/busy/) });
      expect(await countSubmissions(first.id)).toBe(1);
    } finally {
      await busy.close();
    }
  });
});
