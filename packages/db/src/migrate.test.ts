import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDb } from "./testing";

describe("migrations", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  it("create every table of the domain from an empty database", async () => {
    const { rows } = await testDb.db.$client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    const tables = rows.map((row) => row.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "user", "session", "account", "verification", "exercise", "exercise_version", "submission", "test_result",
        "draft", "lesson_progress", "quiz_attempt", "cohort", "cohort_membership", "exam", "exam_attempt",
        "team", "team_membership", "team_project", "milestone", "task",
      ]),
    );
  });

  it("enforce unique emails", async () => {
    const { seedUser } = await import("./testing");
    await seedUser(testDb.db, { email: "same@example.test" });
    await expect(seedUser(testDb.db, { email: "same@example.test" })).rejects.toThrow();
  });
});
