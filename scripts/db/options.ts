import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { z } from "zod";

import { loadDatabaseConfig, repoRoot } from "../stack/config";

export const DEFAULT_BACKUP_DIR = path.join(repoRoot, "backups");
export const BACKUP_USAGE = "usage: pnpm db:backup [file or folder]   (default: a timestamped file in backups/)";
export const RESTORE_USAGE = "usage: pnpm db:restore <file> [--force]   (--force: drop the app's schemas in a database that has tables)";

/** Arguments or configuration that cannot work: said in one line. */
export class UsageError extends Error {
  override name = "UsageError";
}

type Env = NodeJS.ProcessEnv;

function readDatabaseConfig(env: Env) {
  try {
    return loadDatabaseConfig(env);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    throw new UsageError(`invalid configuration: ${error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
}

const COMMAND_OPTIONS = { help: { type: "boolean", short: "h" }, force: { type: "boolean" } } as const;

function parseCommandLine(argv: string[], usage: string, options: { canForce: boolean }) {
  try {
    const parsed = parseArgs({ args: argv, options: COMMAND_OPTIONS, allowPositionals: true, strict: true });
    if (parsed.values.force && !options.canForce) throw new Error("Unknown option '--force'");
    return parsed;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/** pnpm runs scripts from the repository root; a relative path means the folder the command was typed in. */
const resolveFromCaller = (file: string, env: Env) => path.resolve(env.INIT_CWD ?? process.cwd(), file);

const timestamp = (now: Date) => now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");

/** `pnpm db:backup [file or folder]`: null when only the usage was asked for. */
export function parseBackupOptions(argv: string[], env: Env = process.env, now = new Date()) {
  const { values, positionals } = parseCommandLine(argv, BACKUP_USAGE, { canForce: false });
  if (values.help) return null;
  if (positionals.length > 1) throw new UsageError(`one destination at most\n${BACKUP_USAGE}`);
  const given = positionals[0];
  const destination = given ? resolveFromCaller(given, env) : DEFAULT_BACKUP_DIR;
  const isFolder = !given || given.endsWith("/") || (existsSync(destination) && statSync(destination).isDirectory());
  const file = isFolder ? path.join(destination, `academy-${timestamp(now)}.backup.gz`) : destination;
  if (existsSync(file)) throw new UsageError(`${file} already exists: a backup never replaces a file`);
  if (!isFolder && !existsSync(path.dirname(file))) throw new UsageError(`there is no folder ${path.dirname(file)} to write ${path.basename(file)} in`);
  return { database: readDatabaseConfig(env), file };
}

/** `pnpm db:restore <file> [--force]`: null when only the usage was asked for. */
export function parseRestoreOptions(argv: string[], env: Env = process.env) {
  const { values, positionals } = parseCommandLine(argv, RESTORE_USAGE, { canForce: true });
  if (values.help) return null;
  if (positionals.length !== 1) throw new UsageError(`one backup file to restore\n${RESTORE_USAGE}`);
  const file = resolveFromCaller(positionals[0]!, env);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`there is no file ${file}`);
  return { database: readDatabaseConfig(env), file, shouldReplaceExisting: values.force ?? false };
}
