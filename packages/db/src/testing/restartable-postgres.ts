import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { createDb } from "../client";
import { startEmbeddedPostgres, type EmbeddedServer } from "../embedded";
import { findFreePort } from "../free-port";
import { runMigrations } from "../migrate";

/**
 * A migrated database on a PostgreSQL server of its own (not the run's shared one), so a test
 * can stop and start the server under running code: a restart, as operators do it, on the
 * same port and data.
 */
export async function startRestartablePostgres() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "academy-restartable-pg-"));
  // The server runs as an unprivileged user when the tests run as root: it must reach its folder.
  chmodSync(dir, 0o755);
  const dataDir = path.join(dir, "data");
  const port = await findFreePort();
  let server: EmbeddedServer | undefined = await startEmbeddedPostgres({ dataDir, port });
  await server.createDatabase("academy");
  const url = server.connectionStringFor("academy");
  const { db, pool } = createDb(url, { max: 5, onConnectionError: () => undefined });
  await runMigrations(db);

  const stop = async () => {
    await server?.stop();
    server = undefined;
  };
  const start = async () => {
    server ??= await startEmbeddedPostgres({ dataDir, port });
  };
  return {
    db,
    url,
    /** Stops the server: every connection to it ends, as in a restart or a crash of the database. */
    stop,
    start,
    close: async () => {
      await pool.end().catch(() => undefined);
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
