import type pg from "pg";

import type { BackupTable, TableName } from "./backup-file";

export const MIGRATIONS_SCHEMA = "drizzle";
export const MIGRATIONS_TABLE = "__drizzle_migrations";
/**
 * The grading queue's schema (pg-boss): its tables hold the jobs of gradings in flight, which the
 * app rebuilds at start; the grader ends their submissions with "submit again".
 */
export const QUEUE_SCHEMA = "pgboss";
/** What a restore may drop when told to replace a database: the schemas the app itself creates. */
export const APP_SCHEMAS = ["public", MIGRATIONS_SCHEMA, QUEUE_SCHEMA];

const USER_SCHEMA_FILTER = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;
const BACKED_UP_SCHEMA_FILTER = `${USER_SCHEMA_FILTER} AND n.nspname NOT IN ('${MIGRATIONS_SCHEMA}', '${QUEUE_SCHEMA}')`;

export const quoteTable = (client: pg.ClientBase, table: TableName) => `${client.escapeIdentifier(table.schema)}.${client.escapeIdentifier(table.name)}`;

type TableRow = { oid: number; schema: string; name: string; columns: string[] };

/**
 * The tables a backup holds, each with its stored columns (generated ones are computed again on
 * insert), ordered so that a table comes after every table it references: rows load in file order.
 */
export async function listTablesInLoadOrder(client: pg.ClientBase): Promise<BackupTable[]> {
  const { rows: tables } = await client.query<TableRow>(`
    SELECT c.oid, n.nspname AS schema, c.relname AS name,
      array(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum) AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${BACKED_UP_SCHEMA_FILTER}
    ORDER BY n.nspname, c.relname`);
  const { rows: references } = await client.query<{ from: number; to: number }>(
    `SELECT conrelid AS from, confrelid AS to FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid`,
  );
  const byOid = new Map(tables.map((table) => [table.oid, table]));
  const ordered: TableRow[] = [];
  const placed = new Set<number>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (table) => !placed.has(table.oid) && references.every((ref) => ref.from !== table.oid || placed.has(ref.to) || !byOid.has(ref.to)),
    );
    if (ready.length === 0) {
      const left = tables.filter((table) => !placed.has(table.oid)).map((table) => `${table.schema}.${table.name}`);
      throw new Error(`the tables ${left.join(", ")} reference each other in a cycle: no order loads them`);
    }
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.oid);
    }
  }
  return ordered.map(({ schema, name, columns }) => ({ table: { schema, name }, columns }));
}

export async function listSequences(client: pg.ClientBase) {
  const { rows } = await client.query<TableName>(`
    SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'S' AND ${BACKED_UP_SCHEMA_FILTER} ORDER BY 1, 2`);
  const sequences = [];
  for (const table of rows) {
    const { rows: state } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${quoteTable(client, table)}`);
    sequences.push({ table, lastValue: state[0]!.last_value, isCalled: state[0]!.is_called });
  }
  return sequences;
}

/** A few of the tables in the database (any user schema), to name them when it is not empty. */
export async function listSomeTables(client: pg.ClientBase) {
  const { rows } = await client.query<{ name: string; total: number }>(`
    SELECT n.nspname || '.' || c.relname AS name, count(*) OVER ()::int AS total
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMA_FILTER} ORDER BY 1 LIMIT 3`);
  return { names: rows.map((row) => row.name), total: rows[0]?.total ?? 0 };
}

export async function dropAppSchemas(client: pg.ClientBase) {
  await client.query(`DROP SCHEMA IF EXISTS ${APP_SCHEMAS.map((schema) => client.escapeIdentifier(schema)).join(", ")} CASCADE`);
  await client.query("CREATE SCHEMA public");
}
