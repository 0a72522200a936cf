import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

import { DatabaseSetupError, startEmbeddedPostgres } from "./embedded";
import { findFreePort } from "./free-port";

const isRoot = process.getuid?.() === 0;
const folders: string[] = [];

/** What `mktemp -d` gives: a fresh folder only its owner (root) may enter. */
function makePrivateFolder() {
  const folder = mkdtempSync(path.join(os.tmpdir(), "academy-embedded-"));
  folders.push(folder);
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

// As root the server runs as the unprivileged user postgres, which must reach its data.
describe.runIf(isRoot)("startEmbeddedPostgres as root", () => {
  it("starts with its data in a fresh 0700 folder, made enterable (not readable) by the server's user", async () => {
    const dataDir = makePrivateFolder();
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: await findFreePort(), isPersistent: false });
    try {
      const client = new pg.Client(server.connectionStringFor("postgres"));
      await client.connect();
      expect((await client.query<{ answer: number }>("select 1 + 1 as answer")).rows[0]?.answer).toBe(2);
      await client.end();
    } finally {
      await server.stop();
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o701);
  });

  it("says in one line what to change when a folder further up cannot be entered", async () => {
    const outer = makePrivateFolder();
    const dataDir = path.join(outer, "data");
    mkdirSync(dataDir, { mode: 0o755 });
    const starting = startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: await findFreePort(), isPersistent: false });
    await expect(starting).rejects.toThrow(DatabaseSetupError);
    await expect(starting).rejects.toThrow(`cannot enter ${outer}: run \`chmod o+x ${outer}\``);
    expect(statSync(outer).mode & 0o777).toBe(0o700);
  });
});
