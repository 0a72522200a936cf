import pg from "pg";

import { createDb } from "../client";
import { runMigrations } from "../migrate";
import { openBackup } from "./backup-file";
import type { BackupTable } from "./backup-file";
import { APP_SCHEMAS, dropAppSchemas, listSomeTables, quoteTable } from "./catalog";
import { RestoreRefusedError, findMigrationLevel, migrateToLevel } from "./migration-level";

/** A batch is one INSERT: large enough to be quick, small enough to hold in memory. */
const MAX_BATCH_ROWS = 1000;
const MAX_BATCH_CHARS = 8 * 1024 * 1024;

export type RestoreSummary = { tables: number; rows: number; backedUpAt: string; migrationsAfterLoad: number };

/**
 * Restores a backup into an empty database: the backup's migrations, then every row in one
 * transaction, then this checkout's newer migrations. With `replaceExisting`, the app's schemas
 * are dropped first. A restore that fails leaves the database empty again.
 */
export async function restoreBackup(options: { connectionString: string; file: string; replaceExisting?: boolean }): Promise<RestoreSummary> {
  const backup = await openBackup(options.file);
  try {
    return await restoreInto(options, backup);
  } finally {
    await backup.close();
  }
}

async function restoreInto(options: { connectionString: string; replaceExisting?: boolean }, backup: Backup): Promise<RestoreSummary> {
  const { level, latest } = findMigrationLevel(backup.header.migrations);
  const client = new pg.Client({ connectionString: options.connectionString, application_name: "academy-restore" });
  await client.connect();
  const { db, pool } = createDb(options.connectionString, { max: 1 });
  try {
    await ensureEmpty(client, options.replaceExisting ?? false);
    try {
      await migrateToLevel(db, level);
      const { tables, rows } = await loadRows(client, backup);
      await runMigrations(db);
      return { tables, rows, backedUpAt: backup.header.createdAt, migrationsAfterLoad: latest - level };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      await dropAppSchemas(client);
      throw error;
    }
  } finally {
    await client.end();
    await pool.end();
  }
}

async function ensureEmpty(client: pg.Client, replaceExisting: boolean) {
  if (replaceExisting) await dropAppSchemas(client);
  const { names, total } = await listSomeTables(client);
  if (total === 0) return;
  const listed = `${names.join(", ")}${total > names.length ? ` and ${total - names.length} more` : ""}`;
  throw new RestoreRefusedError(
    replaceExisting
      ? `the database still has tables outside the app's schemas (${APP_SCHEMAS.join(", ")}): ${listed}; restore into an empty database`
      : `the database is not empty (${listed}): restore into an empty database, or pass --force to drop the schemas ${APP_SCHEMAS.join(", ")} first`,
  );
}

type Backup = Awaited<ReturnType<typeof openBackup>>;

/**
 * Tables with triggers of the app's own (derived tables kept by them, such as the gradebook's
 * learner_exercise_best): the backup holds those tables' rows already, so the triggers stay off
 * while rows load, within the restore's transaction.
 */
async function listTriggeredTables(client: pg.Client) {
  const { rows } = await client.query<{ name: string }>(
    `SELECT DISTINCT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND n.nspname = ANY($1::text[])`,
    [APP_SCHEMAS],
  );
  return rows.map((row) => row.name);
}

async function loadRows(client: pg.Client, backup: Backup) {
  await client.query("BEGIN");
  const triggered = await listTriggeredTables(client);
  for (const table of triggered) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  let batch: { insert: string; rows: string[]; chars: number } | undefined;
  let tables = 0;
  let rows = 0;
  const flush = async () => {
    if (!batch?.rows.length) return;
    await client.query(batch.insert, [`[${batch.rows.join(",")}]`]);
    rows += batch.rows.length;
    batch.rows = [];
    batch.chars = 0;
  };
  for await (const entry of backup.entries) {
    if (entry.kind === "table") {
      await flush();
      batch = { insert: insertStatement(client, entry.table), rows: [], chars: 0 };
      tables += 1;
      continue;
    }
    batch!.rows.push(entry.json);
    batch!.chars += entry.json.length;
    if (batch!.rows.length >= MAX_BATCH_ROWS || batch!.chars >= MAX_BATCH_CHARS) await flush();
  }
  await flush();
  for (const sequence of backup.header.sequences) {
    await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [quoteTable(client, sequence.table), sequence.lastValue, sequence.isCalled]);
  }
  for (const table of triggered) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  await client.query("COMMIT");
  return { tables, rows };
}

/** The rows arrive as one JSON array; Postgres turns each object back into a row of the table's own types. */
function insertStatement(client: pg.Client, { table, columns }: BackupTable) {
  const name = quoteTable(client, table);
  const list = columns.map((column) => client.escapeIdentifier(column)).join(", ");
  return `INSERT INTO ${name} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${name}, $1::json)`;
}
