import net from "node:net";

import { createDb } from "@academy/db";
import { startRestartablePostgres } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkReadiness } from "./ready/check-readiness";

/** A port nothing listens on: bound by the system, then released. */
async function findClosedPort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type RestartablePostgres = Awaited<ReturnType<typeof startRestartablePostgres>>;
let postgres: RestartablePostgres;
const pools: ReturnType<typeof createDb>["pool"][] = [];

function openDb(url: string) {
  const handle = createDb(url, { max: 2, onConnectionError: () => undefined });
  pools.push(handle.pool);
  return handle.db;
}

beforeAll(async () => {
  postgres = await startRestartablePostgres();
});

afterAll(async () => {
  for (const pool of pools) await pool.end().catch(() => undefined);
  await postgres?.close();
});

describe("GET /api/health/ready and /api/health/live", () => {
  it("answer from the app's own pool and configuration, uncached", async () => {
    process.env.DATABASE_URL = postgres.url;
    process.env.BETTER_AUTH_SECRET ??= "a-test-secret-of-at-least-32-characters";
    const ready = await import("./ready/route");
    const live = await import("./live/route");
    expect([ready.dynamic, live.dynamic]).toEqual(["force-dynamic", "force-dynamic"]);

    const response = await ready.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
    const { getDb } = await import("~/server/db");
    pools.push(getDb().$client);

    const liveResponse = live.GET();
    expect(liveResponse.status).toBe(200);
    expect(await liveResponse.json()).toEqual({ status: "live" });
  });
});

describe("checkReadiness", () => {
  it("answers 200 while the database answers, 503 while it is stopped, and 200 again once it is back", async () => {
    const db = openDb(postgres.url);
    const ready = await checkReadiness(db);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({ status: "ready" });

    await postgres.stop();
    const down = await checkReadiness(db);
    expect(down.status).toBe(503);
    expect((await down.json()).status).toBe("unavailable");

    await postgres.start();
    expect((await checkReadiness(db)).status).toBe(200);
  });

  it("answers 503 with the reason when the database URL points at a closed port", async () => {
    const db = openDb(`postgres://academy:academy@127.0.0.1:${await findClosedPort()}/academy`);
    const response = await checkReadiness(db);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", reason: "the database could not be queried (ECONNREFUSED)" });
  });

  it("answers 503 after its timeout when the database accepts connections but never answers, with one query waiting", async () => {
    // Holds every connection open without a word: the check can only end by its timeout.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const { db, pool } = createDb(`postgres://academy:academy@127.0.0.1:${port}/academy`, { max: 2, onConnectionError: () => undefined });
      pools.push(pool);
      const concurrent = await Promise.all([checkReadiness(db, 300), checkReadiness(db, 300)]);
      const later = await checkReadiness(db, 300);
      for (const response of [...concurrent, later]) {
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({ status: "unavailable", reason: "the database did not answer within 300 ms" });
      }
      // Every probe joined the one query still waiting: no second connection, nothing queued.
      expect(pool.totalCount).toBe(1);
      expect(pool.waitingCount).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
