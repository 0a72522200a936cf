import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import path from "node:path";

import { createDb, runMigrations, seedDemoData } from "@academy/db";
import { DatabaseSetupError, startEmbeddedPostgres } from "@academy/db/embedded";
import type { EmbeddedServer } from "@academy/db/embedded";
import { syncExercises } from "@academy/services";
import { seedDemoHistory } from "@academy/services/demo";

import { loadStackConfig, repoRoot } from "./config";

const config = loadStackConfig();
const children: ChildProcess[] = [];
let embedded: EmbeddedServer | undefined;
let isStopping = false;

async function stop(exitCode: number) {
  if (isStopping) return;
  isStopping = true;
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))));
  await embedded?.stop();
  process.exit(exitCode);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

function startChild(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const child = spawn(command, args, { ...options, stdio: "inherit" });
  child.on("exit", (code) => {
    if (!isStopping) {
      console.error(`[stack] ${name} exited with code ${code}; stopping.`);
      void stop(code || 1);
    }
  });
  children.push(child);
}

async function main() {
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.embedded.dataDir, port: config.embedded.port });
    await embedded.createDatabase(config.embedded.database);
    databaseUrl = embedded.connectionStringFor(config.embedded.database);
    console.log(`[stack] embedded PostgreSQL on port ${config.embedded.port}, data in ${config.embedded.dataDir}`);
  }
  const { db, pool } = createDb(databaseUrl, { max: 2 });
  await runMigrations(db);
  console.log("[stack] database migrated");
  const synced = await syncExercises(db, config.exercisesDir);
  console.log(`[stack] ${synced.exercises} exercises synced (${synced.newVersions} new versions)`);
  if (config.shouldSeedDemo) {
    const accounts = await seedDemoData(db);
    const started = performance.now();
    const history = await seedDemoHistory(db, { exercisesDir: config.exercisesDir });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[stack] demo cohort: ${history.learners} learners; ${history.learnersSeeded} histories added (${history.submissions} submissions, ${history.quizAttempts} quiz attempts, ${history.lessonsRead} lessons read, ${history.mockExams} mock exams) in ${seconds}s`,
    );
    if (history.skippedExercises.length > 0) {
      console.log(`[stack] no demo submissions for ${history.skippedExercises.join(", ")}: changed since their gradings were recorded; run pnpm demo:record`);
    }
    console.log("[stack] demo accounts (email / password):");
    for (const account of [accounts.instructor, ...accounts.learners]) {
      console.log(`[stack]   ${account.role.padEnd(10)} ${account.email} / ${account.password}`);
    }
    console.log(`[stack]   and ${history.learners - accounts.learners.length} more learners of the demo cohort (amara@, bruno@, chen@ … @academy.test) / ${accounts.learners[0]!.password}`);
  }
  await pool.end();

  // Absolute: the web app and the grader run in folders of their own, and must read the folder synced here.
  const env = { ...process.env, DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: config.authSecret, APP_URL: config.appUrl, EXERCISES_DIR: config.exercisesDir, NODE_ENV: "production" };
  const webDir = path.join(repoRoot, "apps/web");
  startChild("web", process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: webDir, env: { ...env, PORT: String(config.PORT) } });
  const graderDir = path.join(repoRoot, "apps/grader");
  const graderEnv = { ...env, GRADER_METRICS_PORT: String(config.GRADER_METRICS_PORT), ...(config.GRADER_CONCURRENCY ? { GRADER_CONCURRENCY: String(config.GRADER_CONCURRENCY) } : {}) };
  startChild("grader", process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: graderDir, env: graderEnv });
  console.log(`[stack] FastAPI Academy on ${config.appUrl}`);
}

main().catch(async (error: unknown) => {
  // A setup problem with a fix is said in one line; anything else keeps its stack for debugging.
  console.error("[stack] failed to start:", error instanceof DatabaseSetupError ? error.message : error);
  await stop(1);
});
