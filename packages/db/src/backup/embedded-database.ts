import { existsSync, realpathSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { DatabaseSetupError, embeddedConnectionString, startEmbeddedPostgres } from "../embedded";
import type { EmbeddedServer } from "../embedded";

export type EmbeddedDatabase = { dataDir: string; port: number; database: string };

const realPath = (folder: string) => (existsSync(folder) ? realpathSync(folder) : path.resolve(folder));

/** Whether the embedded server of `dataDir` answers on `port`; another server there is a setup error. */
async function isRunning({ dataDir, port }: EmbeddedDatabase) {
  const client = new pg.Client({ connectionString: embeddedConnectionString(port, "postgres"), connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") return false;
    throw new DatabaseSetupError(`port ${port} answers, but not as the embedded PostgreSQL (${(error as Error).message}): set EMBEDDED_PG_PORT to its port`);
  }
  try {
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    const servedDir = rows[0]!.data_directory;
    if (realPath(servedDir) !== realPath(dataDir)) {
      throw new DatabaseSetupError(`port ${port} serves the embedded PostgreSQL of ${servedDir}, not of ${dataDir}: set DATA_DIR or EMBEDDED_PG_PORT`);
    }
    return true;
  } finally {
    await client.end();
  }
}

/**
 * The app's database on the embedded server, which is started for the occasion when it is not
 * running (and stopped by `close`). `mustExist`: a backup needs data; a restore may start from none.
 */
export async function openEmbeddedDatabase(target: EmbeddedDatabase, options: { mustExist: boolean }) {
  const hasData = existsSync(path.join(target.dataDir, "PG_VERSION"));
  if (options.mustExist && !hasData) {
    throw new DatabaseSetupError(`there is no embedded database in ${target.dataDir}: nothing to back up (set DATA_DIR, or DATABASE_URL for another server)`);
  }
  let server: EmbeddedServer | undefined;
  if (!(await isRunning(target))) server = await startEmbeddedPostgres({ dataDir: target.dataDir, port: target.port });
  try {
    await ensureDatabase(target, options.mustExist);
  } catch (error) {
    await server?.stop();
    throw error;
  }
  return {
    connectionString: embeddedConnectionString(target.port, target.database),
    isStartedHere: server !== undefined,
    close: async () => server?.stop(),
  };
}

async function ensureDatabase({ port, database, dataDir }: EmbeddedDatabase, mustExist: boolean) {
  const client = new pg.Client({ connectionString: embeddedConnectionString(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
    if (mustExist) throw new DatabaseSetupError(`the embedded server in ${dataDir} has no database ${database}: nothing to back up`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
