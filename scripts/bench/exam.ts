// pnpm bench:exam: a scheduled cohort exam under its opening rush, through the real tRPC caller
// (server time, in process) on its own embedded PostgreSQL: 200 learners of a cohort start the
// exam within 5 s, then each saves 40 answers, one about every second, all at once.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { createCaller, createContextInner } from "@academy/api";
import { getSection } from "@academy/content";
import type { Db } from "@academy/db";
import { createDb, runMigrations, sql } from "@academy/db";
import { startEmbeddedPostgres } from "@academy/db/embedded";
import { findFreePort, seedCohort, seedExercise, seedUser } from "@academy/db/testing";

const LEARNERS = 200;
const ANSWERS = 40;
const START_SPREAD_MS = 5_000;
/** A learner's pause between two answers: about a second, far quicker than anyone reads a question. */
const ANSWER_GAP_MS = 1_000;
/** The web app's pool (packages/db's default): every learner's call waits for one of these. */
const POOL_SIZE = 10;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (ms: number) => ms * (0.5 + Math.random());

type User = { id: string; name: string; email: string; role: "learner" | "instructor" };

async function insertLearners(db: Db): Promise<User[]> {
  const result = await db.execute<{ id: string; name: string; email: string }>(sql`
    insert into "user" (id, name, email, email_verified, role)
    select gen_random_uuid()::text, 'Learner ' || lpad(g::text, 3, '0'), 'exam-learner-' || g || '@bench.test', true, 'learner'
    from generate_series(1, ${LEARNERS}::int) g
    returning id, name, email`);
  return result.rows.map((row) => ({ ...row, role: "learner" as const }));
}

/** Part B draws one core and one advanced exercise: a bank of a few of each, as the synced exercises would be. */
async function seedExerciseBank(db: Db) {
  for (const [index, difficulty] of (["intro", "core", "core", "core", "advanced", "advanced", "advanced"] as const).entries()) {
    await seedExercise(db, { id: `bench-exam-exercise-${index + 1}`, difficulty, kind: "implement", section: `${3 + index}.1` });
  }
}

function callerFor(db: Db, user: User) {
  return createCaller(createContextInner({ db, grading: null, user }));
}

function summarise(label: string, timings: number[]) {
  const p50 = percentile(timings, 50);
  const p95 = percentile(timings, 95);
  console.log(`${label.padEnd(12)} n ${String(timings.length).padStart(5)}  p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  max ${Math.max(...timings).toFixed(1).padStart(6)} ms`);
  return p95;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-exam-pg-"));
  chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await findFreePort(), isPersistent: false });
  await pg.createDatabase("bench");
  // The bench stops its own server at the end: the pool's warning about the closed connections is noise.
  const { db, pool } = createDb(pg.connectionStringFor("bench"), { max: POOL_SIZE, onConnectionError: () => undefined });
  try {
    await runMigrations(db);
    await seedExerciseBank(db);
    const instructor = await seedUser(db, { name: "Bench instructor", role: "instructor" });
    const learners = await insertLearners(db);
    const cohort = await seedCohort(db, { instructorId: instructor.id, name: "Bench cohort", memberIds: learners.map((l) => l.id) });
    const now = Date.now();
    const { examId } = await callerFor(db, { ...instructor, role: "instructor" }).cohortExam.schedule({
      cohortId: cohort.id,
      title: "Bench exam",
      opensAt: new Date(now - 60_000),
      closesAt: new Date(now + 3 * 3_600_000),
      durationMinutes: 90,
      extraTime: learners.filter((_, i) => i % 10 === 0).map((l) => ({ userId: l.id, minutes: 30 })),
    });
    // A web server that has been up has loaded the curriculum and its question bank (a second of
    // parsing, once per process); here the instructor's mock exam does it before the rush.
    await callerFor(db, { ...instructor, role: "instructor" }).exam.startMock();
    await db.execute(sql`vacuum analyze`);
    console.log(`seeded: ${LEARNERS} learners in a cohort, an exam open for 3 hours, pool of ${POOL_SIZE} connections`);

    // The rush: every learner starts at a moment spread over 5 s.
    const startTimings: number[] = [];
    const rushStarted = performance.now();
    const attempts = await Promise.all(
      learners.map(async (learner, index) => {
        await sleep((index / LEARNERS) * START_SPREAD_MS);
        const caller = callerFor(db, learner);
        const started = performance.now();
        const { attemptId } = await caller.cohortExam.start({ examId });
        startTimings.push(performance.now() - started);
        return { caller, attemptId };
      }),
    );
    console.log(`${LEARNERS} starts in ${((performance.now() - rushStarted) / 1000).toFixed(1)} s`);

    // The sitting: each learner answers their own 40 questions in order, about one a second.
    const saveTimings: number[] = [];
    const sittingStarted = performance.now();
    await Promise.all(
      attempts.map(async ({ caller, attemptId }) => {
        const { questions } = await caller.exam.getAttempt({ attemptId });
        for (const question of questions.slice(0, ANSWERS)) {
          await sleep(jitter(ANSWER_GAP_MS));
          const choice = getSection(question.section)!.quiz.questions.find((q) => q.id === question.id)!.answer[0]!;
          const started = performance.now();
          await caller.exam.saveAnswer({ attemptId, questionId: question.id, choiceIds: [choice] });
          saveTimings.push(performance.now() - started);
        }
      }),
    );
    const elapsed = (performance.now() - sittingStarted) / 1000;
    console.log(`${saveTimings.length} answers saved in ${elapsed.toFixed(1)} s (${Math.round(saveTimings.length / elapsed)} a second)`);

    const startP95 = summarise("start", startTimings);
    const saveP95 = summarise("answer save", saveTimings);
    console.log(`exam start p95 ${Math.round(startP95)} ms, answer save p95 ${Math.round(saveP95)} ms (${LEARNERS} learners)`);
  } finally {
    await pool.end();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  // Drizzle's error names the query; PostgreSQL's reason is its cause.
  console.error("bench:exam:", error instanceof Error && error.cause ? error.cause : error);
  process.exitCode = 1;
});
