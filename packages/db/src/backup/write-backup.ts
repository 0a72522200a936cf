import pg from "pg";

import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, createBackupWriter, qualifiedName } from "./backup-file";
import type { BackupTable, TableName } from "./backup-file";
import { listSequences, listTablesInLoadOrder, quoteTable } from "./catalog";
import { readAppliedMigrations } from "./migration-level";

const ROWS_PER_FETCH = 1000;

export type BackupProgress = { table: TableName; rows: number };
export type BackupSummary = { tables: number; rows: number; rowCounts: Record<string, number> };

/**
 * Writes every row of the app's tables to `file`, with the migration level that gives their shape.
 * One REPEATABLE READ transaction reads it all, as pg_dump does: the backup is the database as it
 * was at one instant, whatever is written meanwhile. `onTableWritten` runs after each table.
 */
export async function writeBackup(options: { connectionString: string; file: string; onTableWritten?: (progress: BackupProgress) => void | Promise<void> }) {
  const client = new pg.Client({ connectionString: options.connectionString, application_name: "academy-backup" });
  await client.connect();
  const writer = createBackupWriter(options.file);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const tables = await listTablesInLoadOrder(client);
    // As pg_dump does: a migration that would alter or drop a table waits until the backup ends.
    if (tables.length > 0) await client.query(`LOCK TABLE ${tables.map(({ table }) => quoteTable(client, table)).join(", ")} IN ACCESS SHARE MODE`);
    const migrations = await readAppliedMigrations(client);
    if (migrations.length === 0) throw new Error("the database has never been migrated: there is nothing of the app's to back up");
    const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
    await writer.writeHeader({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: version[0]!.server_version,
      migrations,
      sequences: await listSequences(client),
    });
    const rowCounts: Record<string, number> = {};
    for (const table of tables) {
      await writer.startTable(table);
      const rows = await copyRows(client, table, writer.writeRow);
      rowCounts[qualifiedName(table.table)] = rows;
      await options.onTableWritten?.({ table: table.table, rows });
    }
    await client.query("COMMIT");
    await writer.finish(rowCounts);
    const rows = Object.values(rowCounts).reduce((sum, count) => sum + count, 0);
    return { tables: tables.length, rows, rowCounts } satisfies BackupSummary;
  } catch (error) {
    await writer.discard();
    throw error;
  } finally {
    await client.end();
  }
}

/** Each row as row_to_json's text, fetched through a cursor so memory holds one batch. */
async function copyRows(client: pg.Client, table: BackupTable, writeRow: (json: string) => Promise<void>) {
  await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS json FROM ${quoteTable(client, table.table)} t`);
  let count = 0;
  for (;;) {
    const { rows } = await client.query<{ json: string }>(`FETCH ${ROWS_PER_FETCH} FROM backup_rows`);
    for (const row of rows) await writeRow(row.json);
    count += rows.length;
    if (rows.length < ROWS_PER_FETCH) break;
  }
  await client.query("CLOSE backup_rows");
  return count;
}
