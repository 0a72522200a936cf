import { randomUUID } from "node:crypto";

import { sql } from "@academy/db";
import { createTestDb } from "@academy/db/testing";
import { notifyTeamChanged, TEAM_CHANNEL, type TeamChangeEvent } from "@academy/submission-lifecycle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTeamListener } from "./team-listener";

describe("createTeamListener", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it("hands a committed change to each watcher of its team only, and nothing rolled back or malformed", async () => {
    const listener = await createTeamListener(testDb.url);
    const teamA = randomUUID();
    const teamB = randomUUID();
    const received: Record<string, TeamChangeEvent[]> = { first: [], second: [], other: [], stopped: [] };
    const watch = (teamId: string, name: string) => listener.watch(teamId, { onChange: (event) => received[name]!.push(event), onResync: () => undefined });
    watch(teamA, "first");
    watch(teamA, "second");
    watch(teamB, "other");
    const stop = watch(teamA, "stopped");
    stop();
    try {
      const change = (teamId: string, kind: string): TeamChangeEvent => ({ teamId, kind, actorId: "u1", at: new Date().toISOString(), taskId: randomUUID(), version: 2 });
      await testDb.db
        .transaction(async (tx) => {
          await notifyTeamChanged(tx, change(teamA, "task.rolled-back"));
          throw new Error("the move could not be stored");
        })
        .catch(() => undefined);
      await testDb.db.execute(sql`select pg_notify(${TEAM_CHANNEL}, 'not json')`);
      await testDb.db.execute(sql`select pg_notify(${TEAM_CHANNEL}, ${JSON.stringify({ teamId: teamA })})`);
      const committed = change(teamA, "task.moved");
      await testDb.db.transaction((tx) => notifyTeamChanged(tx, committed));
      // Notifications arrive in commit order: anything sent before the committed change has arrived with it.
      await expect.poll(() => received.second!.length, { timeout: 10_000 }).toBe(1);
      expect(received.first).toEqual([committed]);
      expect(received.second).toEqual([committed]);
      expect(received.other).toEqual([]);
      expect(received.stopped).toEqual([]);
    } finally {
      await listener.close();
    }
  });
});
