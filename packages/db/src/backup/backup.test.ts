import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../client";
import { migrationsFolder } from "../migrate";
import { submission, testResult, user } from "../schema";
import { seedDemoData } from "../seed-demo";
import { createTestDb, seedExercise, seedSubmission, seedUser } from "../testing";
import { BackupFileError } from "./backup-file";
import { listSomeTables, listTablesInLoadOrder, quoteTable } from "./catalog";
import { RestoreRefusedError, findMigrationLevel, migrateToLevel, readAppliedMigrations } from "./migration-level";
import { restoreBackup } from "./restore-backup";
import { writeBackup } from "./write-backup";

type TestDb = Awaited<ReturnType<typeof createTestDb>>;
const opened: TestDb[] = [];
const folder = mkdtempSync(path.join(os.tmpdir(), "academy-backup-test-"));
let backupCount = 0;
const nextBackupFile = () => path.join(folder, `backup-${++backupCount}.gz`);

async function openDb(options?: { isMigrated?: boolean }) {
  const database = await createTestDb(options);
  opened.push(database);
  return database;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Every row of every app table as Postgres prints it (sorted), and the migrations applied. */
function readContents(url: string) {
  return withClient(url, async (client) => {
    const tables: Record<string, string[]> = {};
    for (const { table } of await listTablesInLoadOrder(client)) {
      const { rows } = await client.query<{ json: string }>(`SELECT row_to_json(t)::text AS json FROM ${quoteTable(client, table)} t ORDER BY 1`);
      tables[`${table.schema}.${table.name}`] = rows.map((row) => row.json);
    }
    return { tables, migrations: await readAppliedMigrations(client) };
  });
}

const countRows = (contents: Awaited<ReturnType<typeof readContents>>) => Object.fromEntries(Object.entries(contents.tables).map(([name, rows]) => [name, rows.length]));

/** The demo seed, and a graded submission whose score (5.45) a float would not keep, with text that escapes. */
async function seedSchool(db: Db) {
  await seedDemoData(db);
  const [learner] = await db.select().from(user).where(eq(user.email, "ada@academy.test"));
  const exercise = await seedExercise(db);
  const files = [{ name: "main.py", content: 'from fastapi import FastAPI\napp = FastAPI(title="Café \\"ü\\" 😀")\n\ttab\\n\n' }];
  const graded = await seedSubmission(db, {
    userId: learner!.id,
    exerciseId: exercise.id,
    files,
    status: "failed",
    score: 5.45,
    maxScore: 10,
    report: { version: 1, summary: "1 of 2 passed", weights: [0.1, 1e-7, 1.5e300] },
    startedAt: new Date("2026-03-01T10:00:00.123Z"),
    finishedAt: new Date("2026-03-01T10:00:01.456Z"),
  });
  await db.insert(testResult).values([
    { submissionId: graded.id, position: 0, name: "test_root", visibility: "visible", status: "passed", durationMs: 12 },
    { submissionId: graded.id, position: 1, name: "test_hidden", visibility: "hidden", status: "failed", message: "assert 404 == 200\n  where 404 = response.status_code" },
  ]);
  return { graded, files };
}

let source: TestDb;
let seeded: Awaited<ReturnType<typeof seedSchool>>;

beforeAll(async () => {
  source = await openDb();
  seeded = await seedSchool(source.db);
});

afterAll(async () => {
  for (const database of opened) await database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("writeBackup and restoreBackup", () => {
  it("round-trips a seeded database: every table's rows, exactly, and the migrations", async () => {
    const file = nextBackupFile();
    const summary = await writeBackup({ connectionString: source.url, file });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = await openDb({ isMigrated: false });
    const restored = await restoreBackup({ connectionString: target.url, file });

    const before = await readContents(source.url);
    const after = await readContents(target.url);
    expect(countRows(after)).toEqual(countRows(before));
    expect(countRows(before)).toMatchObject({ "public.user": 4, "public.account": 4, "public.cohort": 1, "public.cohort_membership": 4, "public.submission": 1, "public.test_result": 2 });
    expect(after).toEqual(before);
    expect(summary.rows).toBe(Object.values(countRows(before)).reduce((sum, count) => sum + count, 0));
    expect(restored).toMatchObject({ tables: summary.tables, rows: summary.rows, migrationsAfterLoad: 0 });

    const [row] = await target.db.select().from(submission).where(eq(submission.id, seeded.graded.id));
    expect(row).toMatchObject({ score: 5.45, maxScore: 10, files: seeded.files, status: "failed", finishedAt: new Date("2026-03-01T10:00:01.456Z") });
    const scoreText = await withClient(target.url, (client) => client.query<{ score: string }>("SELECT score::text FROM submission WHERE id = $1", [seeded.graded.id]));
    expect(scoreText.rows[0]?.score).toBe("5.45");
    const [ada] = await target.db.select({ name: user.name }).from(user).where(eq(user.email, "ada@academy.test"));
    expect(ada?.name).toBe("Ada Lovelace");
  });

  it("backs up one snapshot: rows committed while it runs are in none of its tables", async () => {
    const database = await openDb();
    await seedSchool(database.db);
    const before = countRows(await readContents(database.url));
    const file = nextBackupFile();
    let hasWrittenDuringBackup = false;
    await writeBackup({
      connectionString: database.url,
      file,
      onTableWritten: async ({ table }) => {
        if (hasWrittenDuringBackup || table.name !== "user") return;
        hasWrittenDuringBackup = true;
        // Committed after the backup's snapshot: one row in the table just written, one in a table still to come.
        const learner = await seedUser(database.db);
        const [exercise] = await database.db.select({ id: submission.exerciseId }).from(submission).limit(1);
        await seedSubmission(database.db, { userId: learner.id, exerciseId: exercise!.id });
      },
    });
    expect(hasWrittenDuringBackup).toBe(true);
    expect(countRows(await readContents(database.url))).toMatchObject({ "public.user": before["public.user"]! + 1, "public.submission": before["public.submission"]! + 1 });

    const target = await openDb({ isMigrated: false });
    await restoreBackup({ connectionString: target.url, file });
    expect(countRows(await readContents(target.url))).toEqual(before);
  });

  it("refuses a database that has tables, and replaces it when told to", async () => {
    const file = nextBackupFile();
    await writeBackup({ connectionString: source.url, file });
    const target = await openDb();
    await seedUser(target.db, { email: "left-behind@example.test" });

    const refused = restoreBackup({ connectionString: target.url, file });
    await expect(refused).rejects.toThrow(RestoreRefusedError);
    await expect(refused).rejects.toThrow(/^the database is not empty \(.+\): restore into an empty database, or pass --force/);
    expect(countRows(await readContents(target.url))["public.user"]).toBe(1);

    await restoreBackup({ connectionString: target.url, file, replaceExisting: true });
    expect(await readContents(target.url)).toEqual(await readContents(source.url));
  });

  it("rejects a cut-short backup and leaves the database empty", async () => {
    const file = nextBackupFile();
    await writeBackup({ connectionString: source.url, file });
    const whole = readFileSync(file);
    const cut = nextBackupFile();
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.8)));
    const target = await openDb({ isMigrated: false });

    await expect(restoreBackup({ connectionString: target.url, file: cut })).rejects.toThrow(BackupFileError);
    expect(await withClient(target.url, listSomeTables)).toEqual({ names: [], total: 0 });
  });

  it("refuses a backup from another history of the migrations before touching the database", async () => {
    const file = nextBackupFile();
    await writeBackup({ connectionString: source.url, file });
    const [header, ...rest] = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const altered = header!.replace(/"hash":"[0-9a-f]+"/, `"hash":"${"0".repeat(64)}"`);
    const foreign = nextBackupFile();
    writeFileSync(foreign, gzipSync([altered, ...rest].join("\n")));
    const target = await openDb({ isMigrated: false });

    await expect(restoreBackup({ connectionString: target.url, file: foreign })).rejects.toThrow(/^the backup's migration 1 is not this checkout's \w+: it comes from another history/);
    expect(await withClient(target.url, listSomeTables)).toEqual({ names: [], total: 0 });
  });

  it("restores a backup made before the latest migration, then applies that migration", async () => {
    const { latest } = findMigrationLevel([], migrationsFolder);
    const older = await openDb({ isMigrated: false });
    await migrateToLevel(older.db, latest - 1);
    await withClient(older.url, (client) => client.query(`INSERT INTO "user" (id, name, email) VALUES ('older-user', 'Older User', 'older@example.test')`));
    const file = nextBackupFile();
    await writeBackup({ connectionString: older.url, file });

    const target = await openDb({ isMigrated: false });
    const summary = await restoreBackup({ connectionString: target.url, file });
    expect(summary.migrationsAfterLoad).toBe(1);
    const contents = await readContents(target.url);
    expect(contents.migrations).toEqual((await readContents(source.url)).migrations);
    expect(contents.tables["public.user"]).toHaveLength(1);
    expect(contents.tables["public.user"]![0]).toContain('"email":"older@example.test"');
  });
});
