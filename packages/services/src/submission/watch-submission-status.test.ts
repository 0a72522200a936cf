import { readFile } from "node:fs/promises";
import path from "node:path";

import { eq, schema, sql } from "@academy/db";
import { createTestDb, seedUser } from "@academy/db/testing";
import { notifySubmissionStatus, SUBMISSION_STATUS_CHANNEL } from "@academy/submission-lifecycle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { syncExercises } from "../exercise/sync-exercises";
import { repoExercisesDir } from "../testing/repo-exercises-dir";
import { createGradingPorts } from "./create-grading-ports";
import { createSubmission } from "./create-submission";
import { watchSubmissionStatus } from "./watch-submission-status";

describe("watchSubmissionStatus", () => {
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

  const setStatus = async (id: string, userId: string, status: "running" | "passed") => {
    await testDb.db.update(schema.submission).set({ status }).where(eq(schema.submission.id, id));
    await notifySubmissionStatus(testDb.db, { submissionId: id, userId, status });
  };

  it("pushes each status change as the grader announces it and ends at the final one", async () => {
    const user = await seedUser(testDb.db);
    const content = await readFile(path.join(repoExercisesDir, "basic-greeting-api/solution/main.py"), "utf8");
    const created = await createSubmission(testDb.db, grading.ports, { userId: user.id, exerciseId: "basic-greeting-api", mode: "submit", files: [{ name: "main.py", content }] });

    const updates = watchSubmissionStatus(testDb.db, grading.ports, user.id, created.id);
    const first = await updates.next();
    expect(first.value).toMatchObject({ status: "queued", queuePosition: expect.any(Number) });

    await setStatus(created.id, user.id, "running");
    expect((await updates.next()).value).toMatchObject({ status: "running", queuePosition: null });
    await setStatus(created.id, user.id, "passed");
    expect((await updates.next()).value).toMatchObject({ status: "passed" });
    expect((await updates.next()).done).toBe(true);
  });

  it("reads the submission again when the listener reconnects, so a change whose event was missed still arrives", async () => {
    const user = await seedUser(testDb.db);
    const content = "from fastapi import FastAPI\napp = FastAPI()\n";
    const created = await createSubmission(testDb.db, grading.ports, { userId: user.id, exerciseId: "basic-greeting-api", mode: "submit", files: [{ name: "main.py", content }] });
    const updates = watchSubmissionStatus(testDb.db, grading.ports, user.id, created.id);
    expect((await updates.next()).value).toMatchObject({ status: "queued" });

    // The change is stored but its event never sent (as when the database restarts), then the listener's connection drops.
    await testDb.db.update(schema.submission).set({ status: "passed" }).where(eq(schema.submission.id, created.id));
    await testDb.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = ${`LISTEN ${SUBMISSION_STATUS_CHANNEL}`}`,
    );
    expect((await updates.next()).value).toMatchObject({ status: "passed" });
    expect((await updates.next()).done).toBe(true);
  });

  it("shows nothing of another learner's submission", async () => {
    const owner = await seedUser(testDb.db);
    const other = await seedUser(testDb.db);
    const content = "from fastapi import FastAPI\napp = FastAPI()\n";
    const created = await createSubmission(testDb.db, grading.ports, { userId: owner.id, exerciseId: "basic-greeting-api", mode: "submit", files: [{ name: "main.py", content }] });
    await expect(watchSubmissionStatus(testDb.db, grading.ports, other.id, created.id).next()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
