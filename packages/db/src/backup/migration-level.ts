import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";

import type { Db } from "../client";
import { migrationsFolder } from "../migrate";
import type { BackupHeader } from "./backup-file";
import { MIGRATIONS_SCHEMA, MIGRATIONS_TABLE } from "./catalog";

export type AppliedMigration = BackupHeader["migrations"][number];

/** A restore that would not give back the backed-up database; the message says why and what to do. */
export class RestoreRefusedError extends Error {
  override name = "RestoreRefusedError";
}

export async function readAppliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const table = `${client.escapeIdentifier(MIGRATIONS_SCHEMA)}.${client.escapeIdentifier(MIGRATIONS_TABLE)}`;
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [table]);
  if (!rows[0]?.exists) return [];
  const applied = await client.query<{ hash: string; created_at: string }>(`SELECT hash, created_at FROM ${table} ORDER BY created_at`);
  return applied.rows.map((row) => ({ hash: row.hash, createdAt: Number(row.created_at) }));
}

type JournalEntry = { tag: string; when: number };

function readJournal(folder: string): { entries: JournalEntry[] } {
  return JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8"));
}

/**
 * How many of this checkout's migrations the backup had: they must be the first ones, unchanged.
 * The rest run after the rows load, as they would have on the live database.
 */
export function findMigrationLevel(applied: AppliedMigration[], folder = migrationsFolder) {
  const known = readMigrationFiles({ migrationsFolder: folder });
  const tags = readJournal(folder).entries.map((entry) => entry.tag);
  applied.forEach((migration, index) => {
    const local = known[index];
    if (!local) {
      throw new RestoreRefusedError(
        `the backup was made at a newer migration (${applied.length} applied; this checkout has ${known.length}): restore it with the code that made it`,
      );
    }
    if (local.folderMillis !== migration.createdAt || local.hash !== migration.hash) {
      throw new RestoreRefusedError(`the backup's migration ${index + 1} is not this checkout's ${tags[index]}: it comes from another history of the schema`);
    }
  });
  return { level: applied.length, latest: known.length };
}

/** Applies the first `level` migrations only: Drizzle's migrator reads a journal cut at that point. */
export async function migrateToLevel(db: Db, level: number, folder = migrationsFolder) {
  const journal = readJournal(folder);
  const cut = mkdtempSync(path.join(os.tmpdir(), "academy-migrations-"));
  try {
    mkdirSync(path.join(cut, "meta"));
    const entries = journal.entries.slice(0, level);
    for (const entry of entries) copyFileSync(path.join(folder, `${entry.tag}.sql`), path.join(cut, `${entry.tag}.sql`));
    writeFileSync(path.join(cut, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
    await migrate(db, { migrationsFolder: cut });
  } finally {
    rmSync(cut, { recursive: true, force: true });
  }
}
