import { BackupFileError, RestoreRefusedError, openEmbeddedDatabase } from "@academy/db/backup";
import { DatabaseSetupError } from "@academy/db/embedded";

import type { DatabaseConfig } from "../stack/config";
import { UsageError } from "./options";

/** DATABASE_URL's database when it is set, else the embedded one under DATA_DIR. */
export async function openDatabase(config: DatabaseConfig, purpose: "backup" | "restore") {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return { connectionString: config.databaseUrl, description: `the database ${url.pathname.slice(1)} at ${url.host}`, close: async () => {} };
  }
  const embedded = await openEmbeddedDatabase(config.embedded, { mustExist: purpose === "backup" });
  const started = embedded.isStartedHere ? ", started for this and stopped again" : "";
  return { connectionString: embedded.connectionString, description: `the embedded database (${config.embedded.dataDir}${started})`, close: embedded.close };
}

const NETWORK_ERRORS = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "ECONNRESET"]);

/** A failure someone can act on is one line; anything else keeps its stack for debugging. */
function describeFailure(error: unknown) {
  if (error instanceof UsageError || error instanceof DatabaseSetupError || error instanceof RestoreRefusedError) return error.message;
  if (error instanceof BackupFileError) return `not a usable backup: ${error.message}`;
  const code = (error as { code?: string }).code;
  if (code && NETWORK_ERRORS.has(code)) return `could not reach the database: ${(error as Error).message}`;
  // Postgres's own errors carry a five-character SQLSTATE code.
  if (code && /^[0-9A-Z]{5}$/.test(code)) return `the database refused: ${(error as Error).message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function runCommand(name: string, command: () => Promise<void>) {
  command().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`[${name}] ${describeFailure(error)}`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}

export function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["kB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
