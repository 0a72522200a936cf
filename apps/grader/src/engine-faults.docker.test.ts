import { readFile } from "node:fs/promises";
import path from "node:path";

import { eq, schema } from "@academy/db";
import { createTestDb, findFreePort, seedUser } from "@academy/db/testing";
import { createDockerClient, findGraderImage } from "@academy/sandbox";
import { createGradingPorts, createSubmission, syncExercises } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fixtureExercisesDir, spawnGrader, waitFor } from "./testing/grader-process";
import { controlHeldGradings } from "./testing/held-gradings";
import { startSecondEngine, type SecondEngine } from "./testing/second-engine";
import { readJobs, readSubmission, waitForFinal } from "./testing/submission-state";

// The queue's retryLimit: the tries a job has for failures of its own.
const RETRY_LIMIT = 3;

describe("grading through Docker engine faults (on an engine of the test's own)", () => {
  let engine: SecondEngine;
  let holds: ReturnType<typeof controlHeldGradings>;
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let solution: string;

  beforeAll(async () => {
    engine = await startSecondEngine();
    await engine.loadImage(await findGraderImage(createDockerClient()));
    holds = controlHeldGradings(engine.docker);
    testDb = await createTestDb();
    await syncExercises(testDb.db, fixtureExercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: fixtureExercisesDir });
    solution = await readFile(path.join(fixtureExercisesDir, "slow-greeting/solution/main.py"), "utf8");
  });
  afterAll(async () => {
    await grading?.close();
    await engine?.remove();
    await testDb?.close();
  });

  const submit = async () => {
    const user = await seedUser(testDb.db);
    return createSubmission(testDb.db, grading.ports, { userId: user.id, exerciseId: "slow-greeting", mode: "submit", files: [{ name: "main.py", content: solution }] });
  };
  const readJob = async (id: string) => {
    const rows = await readJobs(testDb.db, id);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };
  const waitForGraded = (id: string, output: () => string) =>
    waitForFinal(testDb.db, id, 150_000, () => `grader:\n${output()}\nengine:\n${engine.log().slice(-3000)}`);
  const probe = (port: number, route: string) =>
    fetch(`http://127.0.0.1:${port}${route}`).then(
      async (response) => ({ status: response.status, body: await response.text() }),
      () => ({ status: 0, body: "" }),
    );
  const spawnOnEngine = (port: number) => spawnGrader(testDb.url, { DOCKER_HOST: engine.dockerHost, GRADER_METRICS_PORT: String(port) });

  it("waits for an engine that is down at start, saying so on /readyz, then grades what was queued", async () => {
    await engine.stop();
    const port = await findFreePort();
    const worker = spawnOnEngine(port);
    const stopReleasing = holds.keepReleasing();
    try {
      const submissions = [await submit(), await submit()];
      await waitFor(async () => worker.output().includes("Docker engine unavailable"), 60_000, "the grader to report the engine down");
      const notReady = await waitFor(async () => {
        const readyz = await probe(port, "/readyz");
        return readyz.status === 503 ? readyz : undefined;
      }, 30_000, "/readyz to answer 503");
      expect(JSON.parse(notReady.body)).toMatchObject({ ready: false, reason: expect.stringContaining("no Docker engine") });
      expect((await probe(port, "/healthz")).status).toBe(200);
      expect(worker.child.exitCode, worker.output()).toBeNull();
      for (const submission of submissions) expect((await readSubmission(testDb.db, submission.id)).status).toBe("queued");

      await engine.start();
      for (const submission of submissions) expect((await waitForGraded(submission.id, worker.output)).status, worker.output()).toBe("passed");
      for (const submission of submissions) expect(await readJob(submission.id)).toMatchObject({ retry_count: 0 });
      expect((await probe(port, "/readyz")).status).toBe(200);
    } finally {
      await stopReleasing();
      worker.child.kill("SIGTERM");
      await worker.exited;
    }
  });

  it("puts back a grading whose engine froze, spending no try, and grades it once when the engine thaws", async () => {
    const port = await findFreePort();
    const worker = spawnOnEngine(port);
    let stopReleasing: () => Promise<void> = async () => undefined;
    try {
      const submission = await submit();
      await holds.waitUntilHeld(120_000);
      engine.freeze();
      try {
        // The grader drops the grading it can no longer follow and puts the job back in the queue.
        await waitFor(async () => (await readSubmission(testDb.db, submission.id)).status === "queued" && (await readJob(submission.id)).state === "retry", 120_000, "the job to be put back").catch(
          (error: unknown) => {
            throw new Error(`${String(error)}\n${worker.output()}`);
          },
        );
        expect((await probe(port, "/readyz")).status).toBe(503);
        expect(worker.child.exitCode).toBeNull();
        // A call to the frozen engine fails after its timeout instead of waiting forever.
        const impatient = createDockerClient({ socketPath: engine.socketPath, callTimeoutMs: 2000 });
        await expect(impatient.listContainers()).rejects.toThrow(/did not answer GET \/containers\/json within 2 s/);
      } finally {
        engine.thaw();
      }
      stopReleasing = holds.keepReleasing();
      const graded = await waitForGraded(submission.id, worker.output);
      expect(graded.status, worker.output()).toBe("passed");
      expect(await testDb.db.select().from(schema.testResult).where(eq(schema.testResult.submissionId, submission.id))).toHaveLength(4);
      const job = await waitFor(async () => {
        const row = await readJob(submission.id);
        return row.state === "completed" ? row : undefined;
      }, 30_000, "the job to be completed");
      expect(job.retry_limit - job.retry_count, "tries left").toBe(RETRY_LIMIT);
      expect(worker.output().match(/"msg":"graded"/g), worker.output()).toHaveLength(1);
    } finally {
      engine.thaw();
      await stopReleasing();
      worker.child.kill("SIGTERM");
      await worker.exited;
    }
  });
});
