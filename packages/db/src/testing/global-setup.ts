import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { startEmbeddedPostgres } from "../embedded";
import { findFreePort } from "../free-port";
import "./provided-context";

/** One real PostgreSQL server per test run; each test file gets its own database on it. */
export default async function setup(project: TestProject) {
  const externalUrl = process.env.TEST_DATABASE_URL;
  if (externalUrl) {
    project.provide("postgresUrlTemplate", externalUrl);
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "academy-test-pg-"));
  // The server runs as an unprivileged user when the tests run as root: it must reach its folder.
  chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await findFreePort(), isPersistent: false });
  project.provide("postgresUrlTemplate", server.connectionStringFor("postgres"));
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
