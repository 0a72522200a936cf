import { createDb } from "@academy/db";

import { getEnv } from "~/env";

type DbHandle = ReturnType<typeof createDb>;
const globalForDb = globalThis as unknown as { academyDb?: DbHandle };

/** One pool per server process, kept across hot reloads in development. */
export function getDb() {
  globalForDb.academyDb ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.academyDb.db;
}
