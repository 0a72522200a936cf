import { readFile } from "node:fs/promises";
import path from "node:path";

import { eq, schema, sql } from "@academy/db";
import { createTestDb, seedUser } from "@academy/db/testing";
import { notifySubmissionStatus, SUBMISSION_STATUS_CHANNEL } from "@academy/submission-lifecycle";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

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

  it("folds a burst of other submissions' events while queued and still brings its own change at once", async () => {
    const user = await seedUser(testDb.db);
    const content = "from fastapi import FastAPI\napp = FastAPI()\n";
    const created = await createSubmission(testDb.db, grading.ports, { userId: user.id, exerciseId: "basic-greeting-api", mode: "submit", files: [{ name: "main.py", content }] });
    // The real database, with its reads of the submission counted.
    let reads = 0;
    const countingDb = new Proxy(testDb.db, {
      get: (target, property, receiver) => {
        if (property === "select") reads += 1;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const updates = watchSubmissionStatus(countingDb, grading.ports, user.id, created.id);
    expect((await updates.next()).value).toMatchObject({ status: "queued" });
    const readsPerLookup = reads;
    reads = 0;

    const others = Array.from({ length: 50 }, () => crypto.randomUUID());
    // One transaction: its notifications are delivered together at commit, however slow the machine.
    await testDb.db.transaction(async (tx) => {
      for (const otherId of others) await notifySubmissionStatus(tx, { submissionId: otherId, userId: user.id, status: "running" });
    });
    const nextUpdate = updates.next();
    // The queue position was read again for the burst (and it did not move): only then does this submission start.
    await vi.waitFor(() => expect(reads).toBeGreaterThan(0), { timeout: 30_000 });
    await setStatus(created.id, user.id, "running");
    expect((await nextUpdate).value).toMatchObject({ status: "running", queuePosition: null });
    // One look for the burst and one for its own change (a little slack for a window closing mid-burst).
    expect(reads).toBeLessThanOrEqual(3 * readsPerLookup);
    await setStatus(created.id, user.id, "passed");
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
