import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, expect, it } from "vitest";

import { DatabaseSetupError } from "../embedded";
import { findFreePort } from "../free-port";
import { openEmbeddedDatabase } from "./embedded-database";

const folder = mkdtempSync(path.join(os.tmpdir(), "academy-embedded-target-"));
// The server runs as an unprivileged user when the tests run as root: it must reach its folder.
chmodSync(folder, 0o755);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const isAnswering = async (connectionString: string) => {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    return (await client.query<{ answer: number }>("SELECT 1 AS answer")).rows[0]?.answer === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

it("starts the embedded server when it is not running, uses it when it is, and refuses another server's port", async () => {
  const target = { dataDir: path.join(folder, "postgres"), port: await findFreePort(), database: "academy" };
  await expect(openEmbeddedDatabase(target, { mustExist: true })).rejects.toThrow(`there is no embedded database in ${target.dataDir}: nothing to back up`);

  const started = await openEmbeddedDatabase(target, { mustExist: false });
  try {
    expect(started.isStartedHere).toBe(true);
    expect(await isAnswering(started.connectionString)).toBe(true);

    const reused = await openEmbeddedDatabase(target, { mustExist: true });
    expect(reused.isStartedHere).toBe(false);
    await reused.close();
    expect(await isAnswering(started.connectionString)).toBe(true);

    const elsewhere = openEmbeddedDatabase({ ...target, dataDir: path.join(folder, "other") }, { mustExist: false });
    await expect(elsewhere).rejects.toThrow(DatabaseSetupError);
    await expect(elsewhere).rejects.toThrow(`port ${target.port} serves the embedded PostgreSQL of`);
  } finally {
    await started.close();
  }
  expect(await isAnswering(started.connectionString)).toBe(false);
});
