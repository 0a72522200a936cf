import { randomUUID } from "node:crypto";

import { withTransaction } from "@academy/db";
import { createTestDb } from "@academy/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GRADING_ENQUEUED_CHANNEL } from "./channels";
import { notifyGradingEnqueued, notifySubmissionStatus } from "./notify";
import type { StatusEvent } from "./status-event";
import { createStatusListener } from "./status-listener";

describe("the status and wake-up notifications", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it("delivers a status change to every watcher, once its transaction commits, and none rolled back", async () => {
    const listener = await createStatusListener(testDb.url);
    try {
      const first = listener.watch();
      const second = listener.watch();
      const rolledBack: StatusEvent = { submissionId: randomUUID(), userId: "u1", status: "running" };
      await testDb.db
        .transaction(async (tx) => {
          await notifySubmissionStatus(tx, rolledBack);
          throw new Error("the status could not be stored");
        })
        .catch(() => undefined);
      const committed: StatusEvent = { submissionId: randomUUID(), userId: "u1", status: "passed" };
      await testDb.db.transaction((tx) => notifySubmissionStatus(tx, committed));
      // Notifications arrive in commit order: had the rolled-back one been sent, it would come first.
      expect((await first.next()).value).toEqual({ kind: "status", ...committed });
      expect((await second.next()).value).toEqual({ kind: "status", ...committed });
    } finally {
      await listener.close();
    }
  });

  it("wakes graders when, and only when, the enqueuing transaction commits", async () => {
    const listener = new pg.Client({ connectionString: testDb.url });
    await listener.connect();
    const payloads: (string | undefined)[] = [];
    listener.on("notification", (message) => payloads.push(message.payload));
    await listener.query(`LISTEN ${GRADING_ENQUEUED_CHANNEL}`);
    try {
      await withTransaction(testDb.db, async (_tx, executor) => {
        await notifyGradingEnqueued(executor);
        throw new Error("rolled back");
      }).catch(() => undefined);
      await withTransaction(testDb.db, (_tx, executor) => notifyGradingEnqueued(executor));
      // A marker sent after both: once it arrives, any wake-up sent before it has arrived too.
      await listener.query("select pg_notify($1, 'marker')", [GRADING_ENQUEUED_CHANNEL]);
      await expect.poll(() => payloads.at(-1), { timeout: 10_000 }).toBe("marker");
      expect(payloads).toEqual(["", "marker"]);
    } finally {
      await listener.end();
    }
  });
});
