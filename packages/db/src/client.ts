import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";

import * as schema from "./schema";

export type DbOptions = {
  max?: number;
  /** An idle connection failed (the server restarted or went away); the pool replaces it on next use. */
  onConnectionError?: (error: Error) => void;
};

function warnOnStderr(error: Error) {
  console.warn(JSON.stringify({ level: "warn", msg: "database connection lost; a new one opens on next use", error: error.message }));
}

export function createDb(connectionString: string, options: DbOptions = {}) {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // Without a listener, an idle connection's error (a Postgres restart) is thrown and ends the process.
  pool.on("error", options.onConnectionError ?? warnOnStderr);
  const db = drizzle({ client: pool, schema, casing: "snake_case" });
  return { db, pool };
}

export type Db = ReturnType<typeof createDb>["db"];
/** A Drizzle transaction or the database itself: services accept either. */
export type DbExecutor = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];
