import { readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

import type { GradingPorts } from "@academy/api";
import { createGradingPorts, syncExercises } from "@academy/api";
import { createSubmission } from "@academy/api/services/submission/create-submission";
import { eq, schema } from "@academy/db";
import { createTestDb, seedUser } from "@academy/db/testing";
import { createDockerClient } from "@academy/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fixtureExercisesDir, spawnGrader, waitFor } from "./testing/grader-process";

const FINAL = ["passed", "failed", "error", "timeout"];

async function findFreePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const metricValue = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe("queue durability with real grader processes", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let ports: GradingPorts;
  let stopPorts: (() => Promise<void>) | undefined;
  let solution: string;
  const startedAt = Date.now() / 1000;

  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, fixtureExercisesDir);
    // The sender sets each job's expiry; short here so a killed worker's job comes back within seconds.
    const grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: fixtureExercisesDir, jobExpireInSeconds: 8 });
    ports = grading.ports;
    stopPorts = grading.close;
    solution = await readFile(path.join(fixtureExercisesDir, "slow-greeting/solution/main.py"), "utf8");
  });
  afterAll(async () => {
    await stopPorts?.();
    // The SIGKILLed worker's containers stop when its connection closes; nothing removes them before the next grader starts.
    const docker = createDockerClient();
    const ours = await docker.listContainers({ all: true, filters: { label: ["academy.pool"], status: ["exited", "dead"] } });
    const left = ours.filter((c) => c.Created >= Math.floor(startedAt));
    await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true })));
    await testDb?.close();
  });

  const submit = async () => {
    const user = await seedUser(testDb.db);
    return createSubmission(testDb.db, ports, { userId: user.id, exerciseId: "slow-greeting", mode: "submit", files: [{ name: "main.py", content: solution }] });
  };
  const readSubmission = async (id: string) => {
    const [row] = await testDb.db.select().from(schema.submission).where(eq(schema.submission.id, id));
    return row!;
  };
  const readJobs = async (id: string) =>
    (await testDb.db.$client.query<{ state: string; retry_count: number }>("select state, retry_count from pgboss.job where data->>'submissionId' = $1", [id])).rows;

  it("grades a submission once when its worker is killed mid-grading and another takes over", async () => {
    const submission = await submit();
    const first = spawnGrader(testDb.url);
    await waitFor(async () => (await readSubmission(submission.id)).status === "running", 60_000, "the first worker to start grading");
    first.child.kill("SIGKILL");
    await first.exited;
    expect((await readSubmission(submission.id)).status).toBe("running");

    const second = spawnGrader(testDb.url);
    try {
      const graded = await waitFor(async () => {
        const row = await readSubmission(submission.id);
        return FINAL.includes(row.status) ? row : undefined;
      }, 90_000, "the second worker to finish the grading").catch((error: unknown) => {
        throw new Error(`${String(error)}\nfirst:\n${first.output()}\nsecond:\n${second.output()}`);
      });
      expect(graded.status, second.output()).toBe("passed");
      expect(graded.score).toBe(10);
      const results = await testDb.db.select().from(schema.testResult).where(eq(schema.testResult.submissionId, submission.id));
      expect(results).toHaveLength(4);
      expect(results.filter((r) => r.visibility === "hidden")).toHaveLength(2);
      const jobs = await waitFor(async () => {
        const rows = await readJobs(submission.id);
        return rows[0]?.state === "completed" ? rows : undefined;
      }, 30_000, "the job to be completed");
      expect(jobs).toHaveLength(1);
      expect(first.output()).not.toContain('"msg":"graded"');
      expect(second.output()).toContain('"msg":"graded"');
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  });

  it("drains on SIGTERM: the grading in progress finishes and is stored before the worker exits", async () => {
    const submission = await submit();
    const worker = spawnGrader(testDb.url);
    await waitFor(async () => (await readSubmission(submission.id)).status === "running", 60_000, "the worker to start grading");
    worker.child.kill("SIGTERM");
    expect(await worker.exited, worker.output()).toBe(0);
    const row = await readSubmission(submission.id);
    // The grade itself may be a timeout on a loaded machine; what matters is that it was stored before exit.
    expect(FINAL, worker.output()).toContain(row.status);
    expect(row.report).not.toBeNull();
    expect((await readJobs(submission.id))[0]?.state).toBe("completed");
  });

  it("serves Prometheus metrics: jobs by outcome, grading latency, queue depth and ready containers", async () => {
    const port = await findFreePort();
    const worker = spawnGrader(testDb.url, { GRADER_METRICS_PORT: String(port) });
    try {
      const submission = await submit();
      await waitFor(async () => FINAL.includes((await readSubmission(submission.id)).status), 90_000, "the grading");
      const outcome = (await readSubmission(submission.id)).status;
      const text = await waitFor(async () => {
        const body = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text(), () => "");
        return metricValue(body, 'grader_ready_containers{mode="process"}') === 1 ? body : undefined;
      }, 30_000, "a replacement container to be ready");
      expect(metricValue(text, `grader_jobs_total{outcome="${outcome}"}`), worker.output()).toBe(1);
      expect(metricValue(text, "grader_grading_seconds_count")).toBe(1);
      expect(metricValue(text, "grader_grading_seconds_sum")).toBeGreaterThan(4);
      expect(metricValue(text, "grader_queue_depth")).toBe(0);
    } finally {
      worker.child.kill("SIGTERM");
      expect(await worker.exited, worker.output()).toBe(0);
    }
  });
});
