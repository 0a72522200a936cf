import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";

import type { Db } from "./client";
import * as schema from "./schema";

export type SqlExecutor = { executeSql: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };

/**
 * A transaction on one pooled connection, exposed both as Drizzle and as a raw SQL executor,
 * so rows and a job queued by another library (pg-boss) commit or roll back together.
 */
export async function withTransaction<T>(db: Db, work: (tx: Db, executor: SqlExecutor) => Promise<T>): Promise<T> {
  const client: pg.PoolClient = await (db.$client as pg.Pool).connect();
  const tx = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  const executor: SqlExecutor = { executeSql: async (text, values) => client.query(text, values) };
  // A connection that died (an error event while checked out, or a failed ROLLBACK) leaves the pool,
  // and the caller sees the work's own error; unlistened, the event would end the process.
  let brokenBy: Error | undefined;
  const noteBroken = (error: Error) => (brokenBy ??= error);
  client.on("error", noteBroken);
  try {
    await client.query("BEGIN");
    const result = await work(tx, executor);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(noteBroken);
    throw error;
  } finally {
    client.off("error", noteBroken);
    client.release(brokenBy);
  }
}
