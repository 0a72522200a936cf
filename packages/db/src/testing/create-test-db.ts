import { randomBytes } from "node:crypto";

import pg from "pg";
import { inject } from "vitest";

import { createDb } from "../client";
import { runMigrations } from "../migrate";
import "./provided-context";

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database on the run's server (migrated unless told otherwise), dropped when the caller closes it. */
export async function createTestDb(options: { isMigrated?: boolean } = {}) {
  const adminUrl = inject("postgresUrlTemplate");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const { db, pool } = createDb(url, { max: 5 });
  if (options.isMigrated ?? true) await runMigrations(db);
  return {
    db,
    url,
    close: async () => {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
