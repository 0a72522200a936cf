import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { findFreePort, seedUser } from "@academy/db/testing";
import { createDockerClient, findGraderImage } from "@academy/sandbox";
import { createSubmission } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fixtureExercisesDir, removeKilledGradersContainers, spawnGrader, waitFor } from "./testing/grader-process";
import { startSecondEngine, type SecondEngine } from "./testing/second-engine";
import { openGradingDb, type GradingDb } from "./testing/submission-state";

const BURST_SIZE = 200;
// Every 10th submission is the starter, which fails a test: failures are stored once too.
const isFailingOne = (index: number) => index % 10 === 9;
// Long enough that a live grading on a loaded machine rarely expires, short enough that the killed grader's jobs come back soon.
const JOB_EXPIRE_SECONDS = 30;
const EXERCISE_ID = "greeting-in-thirds";
// Jobs each grader finishes before one is killed: both have taken work, and the rest of the burst remains.
const SHARED_JOBS = 10;

type LogLine = { msg?: string; time?: number; submissionId?: string; requestId?: string; isStored?: boolean; status?: string };

function parseLogLines(output: string): LogLine[] {
  return output.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

/** Sum of a series over all its label sets in a Prometheus text scrape. */
function sumSeries(text: string, name: string) {
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
}

const perMinute = (count: number, ms: number) => Math.round((count / (ms / 60_000)) * 10) / 10;

describe("two graders on two Docker engines share one queue", () => {
  let engine: SecondEngine;
  let grading: GradingDb;
  const files = { solution: "", starter: "" };

  beforeAll(async () => {
    engine = await startSecondEngine();
    await engine.loadImage(await findGraderImage(createDockerClient()));
    grading = await openGradingDb(JOB_EXPIRE_SECONDS);
    files.solution = await readFile(path.join(fixtureExercisesDir, EXERCISE_ID, "solution/main.py"), "utf8");
    files.starter = await readFile(path.join(fixtureExercisesDir, EXERCISE_ID, "starter/main.py"), "utf8");
    // Counts every write of a grading's outcome that reached a submission (each store sets finished_at):
    // the measure of "graded exactly once", kept by the database whatever happens to a grader's logs.
    await grading.db.$client.query(`
      CREATE TABLE test_outcome_store (submission_id uuid NOT NULL, status text NOT NULL);
      CREATE FUNCTION test_count_outcome_store() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO test_outcome_store VALUES (NEW.id, NEW.status); RETURN NEW; END $$;
      CREATE TRIGGER test_count_outcome_store AFTER UPDATE ON submission FOR EACH ROW
        WHEN (NEW.finished_at IS DISTINCT FROM OLD.finished_at) EXECUTE FUNCTION test_count_outcome_store();
    `);
  }, 240_000);
  afterAll(async () => {
    await grading?.close();
    await engine?.remove();
  }, 120_000);

  it(
    "grades a burst of 200 exactly once with one grader SIGKILLed mid-burst, both having taken work; the request id follows each submission",
    async () => {
      const ports = { machine: await findFreePort(), second: await findFreePort() };
      const graderEnv = { GRADER_CONCURRENCY: "2", GRADER_JOB_EXPIRE_SECONDS: String(JOB_EXPIRE_SECONDS), GRADER_MAINTENANCE_SECONDS: "1" };
      const killedSince = Date.now();
      const onMachine = spawnGrader(grading.url, { ...graderEnv, GRADER_METRICS_PORT: String(ports.machine) });
      const onSecond = spawnGrader(grading.url, { ...graderEnv, GRADER_METRICS_PORT: String(ports.second), DOCKER_HOST: engine.dockerHost });
      const logs = () => `grader on the machine's engine:\n${onMachine.output().slice(-4000)}\ngrader on the second engine:\n${onSecond.output().slice(-4000)}`;
      const scrape = (port: number) => fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text(), () => "");
      try {
        for (const port of [ports.machine, ports.second]) {
          await waitFor(async () => sumSeries(await scrape(port), "grader_ready") === 1, 180_000, `the grader on port ${port} to be ready`).catch((error: unknown) => {
            throw new Error(`${String(error)}\n${logs()}`);
          });
        }

        const users = [];
        for (let i = 0; i < BURST_SIZE; i++) users.push(await seedUser(grading.db));
        const burstStarted = Date.now();
        const submitted = [];
        for (const [index, user] of users.entries()) {
          const requestId = randomUUID();
          const content = isFailingOne(index) ? files.starter : files.solution;
          const row = await createSubmission(grading.db, grading.ports, { userId: user.id, exerciseId: EXERCISE_ID, mode: "submit", files: [{ name: "main.py", content }], requestId });
          submitted.push({ id: row.id, requestId, expected: isFailingOne(index) ? "failed" : "passed" });
        }

        // Both take work: their own counters say so, read before one of them dies.
        const countJobs = async (port: number) => sumSeries(await scrape(port), "grader_jobs_total");
        const beforeKill = await waitFor(
          async () => {
            const counts = { machine: await countJobs(ports.machine), second: await countJobs(ports.second) };
            return counts.machine >= SHARED_JOBS && counts.second >= SHARED_JOBS ? counts : undefined;
          },
          600_000,
          "both graders to have graded",
        ).catch((error: unknown) => {
          throw new Error(`${String(error)}\n${logs()}`);
        });
        expect(beforeKill.machine).toBeGreaterThan(0);
        expect(beforeKill.second).toBeGreaterThan(0);
        const { rows: finalBeforeKill } = await grading.db.$client.query<{ n: number }>("SELECT count(*)::int AS n FROM submission WHERE finished_at IS NOT NULL");
        expect(finalBeforeKill[0]!.n, "killed mid-burst, not after it").toBeLessThan(BURST_SIZE);
        // The jobs being graded as it dies, its two among them: they must come back and end once.
        const { rows: activeAtKill } = await grading.db.$client.query<{ id: string }>("SELECT id FROM pgboss.job WHERE name = 'grading' AND state = 'active'");
        onSecond.child.kill("SIGKILL");
        expect(await onSecond.exited).toBe("SIGKILL");
        const killedAt = Date.now();

        await waitFor(
          async () => {
            const { rows } = await grading.db.$client.query<{ n: number }>("SELECT count(*)::int AS n FROM submission WHERE status IN ('queued', 'running')");
            return rows[0]!.n === 0;
          },
          1_800_000,
          "every submission of the burst to be final",
        ).catch((error: unknown) => {
          throw new Error(`${String(error)}\n${logs()}`);
        });
        const burstMs = Date.now() - burstStarted;
        const { rows: retried } = await grading.db.$client.query<{ state: string; retry_count: number }>(
          "SELECT state, retry_count FROM pgboss.job WHERE id = ANY($1::uuid[])",
          [activeAtKill.map((row) => row.id)],
        );
        expect(retried.every((job) => job.state === "completed")).toBe(true);
        expect(retried.filter((job) => job.retry_count > 0).length, "the killed grader's jobs expired and were tried again").toBeGreaterThan(0);

        // Exactly once: one outcome written per submission, its expected one, and no test row twice.
        const { rows: stores } = await grading.db.$client.query<{ submission_id: string; stores: number; status: string }>(
          "SELECT s.id AS submission_id, s.status, count(o.submission_id)::int AS stores FROM submission s LEFT JOIN test_outcome_store o ON o.submission_id = s.id GROUP BY s.id, s.status",
        );
        expect(stores).toHaveLength(BURST_SIZE);
        const byId = new Map(stores.map((row) => [row.submission_id, row]));
        for (const submission of submitted) {
          expect(byId.get(submission.id), logs()).toMatchObject({ stores: 1, status: submission.expected });
        }
        const { rows: duplicateTests } = await grading.db.$client.query("SELECT submission_id, position FROM test_result GROUP BY 1, 2 HAVING count(*) > 1");
        expect(duplicateTests).toEqual([]);
        const { rows: testCounts } = await grading.db.$client.query<{ n: number }>("SELECT DISTINCT count(*)::int AS n FROM test_result GROUP BY submission_id");
        expect(testCounts, "every grading stored all its tests").toHaveLength(1);
        const { rows: gradedCount } = await grading.db.$client.query<{ n: number }>("SELECT count(DISTINCT submission_id)::int AS n FROM test_result");
        expect(gradedCount[0]!.n).toBe(BURST_SIZE);

        // The request id: from createSubmission into the job's data, and onto the graders' lines for the submission.
        const { rows: jobs } = await grading.db.$client.query<{ submission_id: string; request_id: string }>(
          "SELECT data->>'submissionId' AS submission_id, data->>'requestId' AS request_id FROM pgboss.job WHERE name = 'grading'",
        );
        const requestIdOf = new Map(submitted.map((s) => [s.id, s.requestId]));
        expect(jobs).toHaveLength(BURST_SIZE);
        for (const job of jobs) expect(job.request_id).toBe(requestIdOf.get(job.submission_id));
        const machineLines = parseLogLines(onMachine.output());
        const lines = [...machineLines, ...parseLogLines(onSecond.output())].filter((line) => line.submissionId);
        for (const line of lines) expect(line.requestId, JSON.stringify(line)).toBe(requestIdOf.get(line.submissionId!));
        const storedLines = lines.filter((line) => line.msg === "graded" && line.isStored);
        expect(new Set(storedLines.map((line) => line.submissionId)).size, "no submission stored twice").toBe(storedLines.length);
        // The killed grader can die between its store and its line, so only most lines are there to see.
        expect(storedLines.length).toBeGreaterThan(BURST_SIZE * 0.95);

        // What one host handles: the surviving grader's rate once it grades alone; and both together before.
        const aloneLines = machineLines.filter((line) => line.msg === "graded" && line.isStored && (line.time ?? 0) > killedAt);
        const aloneMs = Math.max(...aloneLines.map((line) => line.time!)) - killedAt;
        const sharedCount = storedLines.filter((line) => (line.time ?? Infinity) <= killedAt).length;
        const sharedMs = killedAt - burstStarted;
        console.log(
          `two-host burst: ${BURST_SIZE} submissions final in ${(burstMs / 1000).toFixed(1)} s (${perMinute(BURST_SIZE, burstMs)} per minute); ` +
            `before the kill the grader on the machine's engine had done ${beforeKill.machine} jobs, the second ${beforeKill.second} ` +
            `(both: ${sharedCount} in ${(sharedMs / 1000).toFixed(1)} s, ${perMinute(sharedCount, sharedMs)} per minute); ` +
            `alone after it, one host (concurrency 2) graded ${aloneLines.length} in ${(aloneMs / 1000).toFixed(1)} s: ${perMinute(aloneLines.length, aloneMs)} per minute`,
        );
      } finally {
        onSecond.child.kill("SIGKILL");
        onMachine.child.kill("SIGTERM");
        await Promise.all([onSecond.exited, onMachine.exited]);
        await removeKilledGradersContainers(killedSince);
      }
    },
    2_400_000,
  );
});
