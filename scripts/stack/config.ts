import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { resolveExercisesDir } from "@academy/exercises";
import { z } from "zod";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

const configSchema = z.object({
  DATABASE_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATA_DIR: z.string().default(path.join(repoRoot, ".data")),
  APP_URL: z.url().optional(),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  GRADER_CONCURRENCY: z.coerce.number().int().min(1).max(16).optional(),
  GRADER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  EXERCISES_DIR: z.string().optional(),
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
});

export type StackConfig = ReturnType<typeof loadStackConfig>;
export type DatabaseConfig = ReturnType<typeof loadDatabaseConfig>;

/** Where the embedded server keeps its data, and the database the app uses on it. */
function embeddedDatabase(parsed: { DATA_DIR: string; EMBEDDED_PG_PORT: number }) {
  return { dataDir: path.resolve(parsed.DATA_DIR, "postgres"), port: parsed.EMBEDDED_PG_PORT, database: "academy" };
}

/** The one place the start command reads its environment. */
export function loadStackConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = configSchema.parse(env);
  mkdirSync(parsed.DATA_DIR, { recursive: true });
  return {
    ...parsed,
    embedded: embeddedDatabase(parsed),
    appUrl: parsed.APP_URL ?? `http://localhost:${parsed.PORT}`,
    authSecret: parsed.BETTER_AUTH_SECRET ?? readOrCreateSecret(path.join(parsed.DATA_DIR, "auth-secret")),
    shouldSeedDemo: parsed.SEED_DEMO === "true",
    exercisesDir: loadExercisesDir(env),
  };
}

/** The exercises folder (EXERCISES_DIR, else the repository's): synced by the start command, read by exercises:verify. */
export function loadExercisesDir(env: NodeJS.ProcessEnv = process.env) {
  const parsed = configSchema.pick({ EXERCISES_DIR: true }).parse(env);
  return resolveExercisesDir({ configured: parsed.EXERCISES_DIR, from: repoRoot });
}

/** A secret generated once and kept with the data, so sessions survive restarts. */
function readOrCreateSecret(file: string) {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The database alone, for the commands that work on it (backups): reads the same variables, creates nothing. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = configSchema.pick({ DATABASE_URL: true, EMBEDDED_PG_PORT: true, DATA_DIR: true }).parse(env);
  return { databaseUrl: parsed.DATABASE_URL, embedded: embeddedDatabase(parsed) };
}
