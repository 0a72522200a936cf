import { readFile } from "node:fs/promises";
import path from "node:path";

import { createCaller, createContextInner, toSessionUser } from "@academy/api";
import { eq, schema } from "@academy/db";
import { findFreePort, seedUser, startRestartablePostgres } from "@academy/db/testing";
import { createDockerClient } from "@academy/sandbox";
import { createGradingPorts, createSubmission, syncExercises } from "@academy/services";
import { isFinalStatus } from "@academy/submission-lifecycle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fixtureExercisesDir, removeKilledGradersContainers, spawnGrader, waitFor } from "./testing/grader-process";
import { controlHeldGradings } from "./testing/held-gradings";
import { openGradingDb, readJobs, readSubmission, waitForFinal } from "./testing/submission-state";

const metricValue = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe("queue durability with real grader processes", () => {
  // Jobs expire after the default 180 s here: a held grading never outlives its job.
  let testDb: Awaited<ReturnType<typeof openGradingDb>>;
  let solution: string;
  const startedAt = Date.now();
  const docker = createDockerClient();
  // slow-greeting's gradings wait in their container until released: each test holds one as long as it needs.
  const holds = controlHeldGradings(docker);

  beforeAll(async () => {
    testDb = await openGradingDb();
    solution = await readFile(path.join(fixtureExercisesDir, "slow-greeting/solution/main.py"), "utf8");
  });
  afterAll(async () => {
    // The SIGKILLed worker's containers stop when its connection closes.
    await removeKilledGradersContainers(startedAt);
    await testDb?.close();
  });

  const submitTo = async (target: Awaited<ReturnType<typeof openGradingDb>>) => {
    const user = await seedUser(target.db);
    return createSubmission(target.db, target.ports, { userId: user.id, exerciseId: "slow-greeting", mode: "submit", files: [{ name: "main.py", content: solution }] });
  };
  const submit = () => submitTo(testDb);

  it("grades a submission once when its worker is killed mid-grading and another takes over", async () => {
    // A short expiry, so the killed worker's job comes back within seconds; the second grading is
    // released as soon as it is held, well within it.
    const quick = await openGradingDb(15);
    const submission = await submitTo(quick);
    const first = spawnGrader(quick.url);
    await holds.waitUntilHeld(90_000);
    first.child.kill("SIGKILL");
    await first.exited;
    expect((await readSubmission(quick.db, submission.id)).status).toBe("running");

    const stopReleasing = holds.keepReleasing();
    const second = spawnGrader(quick.url);
    try {
      const graded = await waitForFinal(quick.db, submission.id, 90_000, () => `first:\n${first.output()}\nsecond:\n${second.output()}`);
      expect(graded.status, second.output()).toBe("passed");
      expect(graded.score).toBe(10);
      const results = await quick.db.select().from(schema.testResult).where(eq(schema.testResult.submissionId, submission.id));
      expect(results).toHaveLength(4);
      expect(results.filter((r) => r.visibility === "hidden")).toHaveLength(2);
      const jobs = await waitFor(async () => {
        const rows = await readJobs(quick.db, submission.id);
        return rows[0]?.state === "completed" ? rows : undefined;
      }, 30_000, "the job to be completed");
      expect(jobs).toHaveLength(1);
      expect(first.output()).not.toContain('"msg":"graded"');
      expect(second.output()).toContain('"msg":"graded"');
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
      await stopReleasing();
      await quick.close();
    }
  });

  it("drains on SIGTERM: the grading in progress finishes and is stored before the worker exits", async () => {
    const submission = await submit();
    const worker = spawnGrader(testDb.url);
    await holds.waitUntilHeld(90_000);
    worker.child.kill("SIGTERM");
    const stopReleasing = holds.keepReleasing();
    expect(await worker.exited, worker.output()).toBe(0);
    await stopReleasing();
    const row = await readSubmission(testDb.db, submission.id);
    // The grade itself may be a timeout on a loaded machine; what matters is that it was stored before exit.
    expect(isFinalStatus(row.status), `${row.status}\n${worker.output()}`).toBe(true);
    expect(row.report).not.toBeNull();
    expect((await readJobs(testDb.db, submission.id))[0]?.state).toBe("completed");
  });

  it("serves Prometheus metrics: jobs by outcome, grading latency, queue depth and ready containers", async () => {
    const port = await findFreePort();
    const worker = spawnGrader(testDb.url, { GRADER_METRICS_PORT: String(port) });
    const stopReleasing = holds.keepReleasing();
    try {
      const submission = await submit();
      await waitFor(async () => isFinalStatus((await readSubmission(testDb.db, submission.id)).status), 90_000, "the grading");
      const outcome = (await readSubmission(testDb.db, submission.id)).status;
      const text = await waitFor(async () => {
        const body = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text(), () => "");
        return metricValue(body, 'grader_ready_containers{mode="process"}') === 1 ? body : undefined;
      }, 30_000, "a replacement container to be ready");
      expect(metricValue(text, `grader_jobs_total{outcome="${outcome}",lane="practice"}`), worker.output()).toBe(1);
      expect(metricValue(text, `grader_grading_seconds_count{outcome="${outcome}",lane="practice"}`)).toBe(1);
      expect(metricValue(text, `grader_grading_seconds_sum{outcome="${outcome}",lane="practice"}`)).toBeGreaterThan(0);
      expect(metricValue(text, "grader_queue_depth")).toBe(0);
      expect(metricValue(text, "grader_ready")).toBe(1);
      expect(await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status)).toBe(200);
      expect(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status)).toBe(200);
    } finally {
      worker.child.kill("SIGTERM");
      expect(await worker.exited, worker.output()).toBe(0);
      await stopReleasing();
    }
  });

  it("rides out a Postgres restart during a grading: the grader keeps running, the result is stored and the subscription receives it", async () => {
    const server = await startRestartablePostgres();
    const grading = await createGradingPorts({ databaseUrl: server.url, exercisesDir: fixtureExercisesDir });
    const worker = spawnGrader(server.url);
    let stopReleasing: () => Promise<void> = async () => undefined;
    try {
      await syncExercises(server.db, fixtureExercisesDir);
      const user = await seedUser(server.db);
      const learner = createCaller(createContextInner({ db: server.db, grading: grading.ports, user: toSessionUser(user) }));
      const submission = await createSubmission(server.db, grading.ports, { userId: user.id, exerciseId: "slow-greeting", mode: "submit", files: [{ name: "main.py", content: solution }] });
      const seen: string[] = [];
      const watching = (async () => {
        for await (const update of await learner.submission.onStatus({ id: submission.id })) seen.push(update.status);
      })();

      await holds.waitUntilHeld(90_000);
      await server.stop();
      await waitFor(async () => worker.output().includes("listen connection lost"), 60_000, "the grader to notice the database went away");
      await server.start();
      stopReleasing = holds.keepReleasing();

      await Promise.race([watching, new Promise((_, reject) => setTimeout(() => reject(new Error(`no final status; seen ${seen.join(", ")}; grader output:\n${worker.output()}`)), 120_000))]);
      expect(seen.at(-1), worker.output()).toBe("passed");
      expect(worker.child.exitCode, worker.output()).toBeNull();
      expect((await readSubmission(server.db, submission.id)).status).toBe("passed");
      expect(await server.db.select().from(schema.testResult).where(eq(schema.testResult.submissionId, submission.id))).toHaveLength(4);
      // A restart is weathered, not an error (pino's error level is 50).
      expect(worker.output()).not.toContain('"level":50');
    } finally {
      await stopReleasing();
      worker.child.kill("SIGTERM");
      await worker.exited;
      await grading.close();
      await server.close();
    }
  });

  it("stops cleanly when the database stops first, as on Ctrl+C of npm start: the drain ends, exit 0, nothing logged as an error", async () => {
    const server = await startRestartablePostgres();
    const grading = await createGradingPorts({ databaseUrl: server.url, exercisesDir: fixtureExercisesDir });
    const worker = spawnGrader(server.url);
    let stopReleasing: () => Promise<void> = async () => undefined;
    try {
      await syncExercises(server.db, fixtureExercisesDir);
      const user = await seedUser(server.db);
      await createSubmission(server.db, grading.ports, { userId: user.id, exerciseId: "slow-greeting", mode: "submit", files: [{ name: "main.py", content: solution }] });
      await holds.waitUntilHeld(90_000);
      await grading.close();
      await server.stop();
      worker.child.kill("SIGTERM");
      stopReleasing = holds.keepReleasing();
      expect(await worker.exited, worker.output()).toBe(0);
      expect(worker.output()).toContain('"msg":"stopped"');
      expect(worker.output()).not.toMatch(/"level":(50|"error")/);
    } finally {
      await stopReleasing();
      worker.child.kill("SIGKILL");
      await server.close();
    }
  });
});
