import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sql } from "drizzle-orm";

import { createTestDb } from "./testing";
import { withTransaction } from "./transaction";

describe("withTransaction", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  it("rolls back on an error and keeps the pool usable", async () => {
    await testDb.db.execute(sql`create table tx_probe (n int)`);
    await expect(
      withTransaction(testDb.db, async (tx) => {
        await tx.execute(sql`insert into tx_probe values (1)`);
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect((await testDb.db.execute(sql`select count(*)::int as n from tx_probe`)).rows[0]).toEqual({ n: 0 });
  });

  it("reports the work's own error when the connection died under it, and drops that connection", async () => {
    const killConnection = async (tx: typeof testDb.db) => {
      const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
      await testDb.db.execute(sql`select pg_terminate_backend(${rows[0]!.pid})`);
    };
    await expect(
      withTransaction(testDb.db, async (tx) => {
        await killConnection(tx);
        throw new Error("the work failed first");
      }),
    ).rejects.toThrow("the work failed first");
    const pool = testDb.db.$client;
    for (let i = 0; i < pool.totalCount + 2; i++) {
      expect((await testDb.db.execute(sql`select 1 as one`)).rows[0]).toEqual({ one: 1 });
    }
  });
});
