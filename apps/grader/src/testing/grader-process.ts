import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import path from "node:path";

import { createDockerClient } from "@academy/sandbox";

const graderDir = path.resolve(import.meta.dirname, "../..");
export const fixtureExercisesDir = path.join(graderDir, "test-fixtures/exercises");

/** A real grader process, as the start command runs it, with short expiry so a killed worker's job comes back fast. */
export function spawnGrader(databaseUrl: string, env: Record<string, string> = {}) {
  // `node --import tsx` keeps the worker one process, so signals reach it rather than a wrapper.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: graderDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      EXERCISES_DIR: fixtureExercisesDir,
      GRADER_CONCURRENCY: "1",
      GRADER_JOB_EXPIRE_SECONDS: "8",
      GRADER_MAINTENANCE_SECONDS: "1",
      GRADER_METRICS_PORT: "0",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
  return { child, exited, output: () => output };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Removes the stopped pool containers of graders killed since `sinceMs`: nothing removes them before the next grader starts. */
export async function removeKilledGradersContainers(sinceMs: number) {
  const docker = createDockerClient();
  const stopped = await docker.listContainers({ all: true, filters: { label: ["academy.pool"], status: ["exited", "dead"] } });
  const left = stopped.filter((c) => c.Created >= Math.floor(sinceMs / 1000));
  await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true })));
}
