import { once } from "node:events";
import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

import { z } from "zod";

/*
 * A backup file is gzip-compressed lines. A line starting with "#" is a control record (JSON): the
 * header first, then one before each table's rows, then the end record with the row counts. Every
 * other line is one row exactly as Postgres's row_to_json wrote it: it is never parsed in
 * JavaScript, so numbers keep every digit.
 */
const CONTROL_PREFIX = "#";
export const BACKUP_FORMAT = "academy-backup";
export const BACKUP_FORMAT_VERSION = 1;

const tableNameSchema = z.object({ schema: z.string(), name: z.string() });
export type TableName = z.infer<typeof tableNameSchema>;

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  serverVersion: z.string(),
  /** The migrations applied to the database when it was backed up, oldest first (Drizzle's journal). */
  migrations: z.array(z.object({ hash: z.string(), createdAt: z.number() })).min(1),
  sequences: z.array(z.object({ table: tableNameSchema, lastValue: z.string(), isCalled: z.boolean() })),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

const tableStartSchema = z.object({ table: tableNameSchema, columns: z.array(z.string()).min(1) });
export type BackupTable = z.infer<typeof tableStartSchema>;

const endSchema = z.object({ end: z.literal(true), rowCounts: z.record(z.string(), z.number().int().min(0)) });

export type BackupEntry = { kind: "table"; table: BackupTable } | { kind: "row"; json: string };

/** The file is not a complete backup in this format; the message says what is wrong with it. */
export class BackupFileError extends Error {
  override name = "BackupFileError";
}

export const qualifiedName = (table: TableName) => `${table.schema}.${table.name}`;

/**
 * Writes to `<file>.partial` and renames it when closed, so a backup that failed half-way never
 * sits where a complete one would. Backups hold password hashes and sessions: owner-only.
 */
export function createBackupWriter(file: string) {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
  written.catch(() => undefined);
  const writeLine = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, "drain"), written]);
  };
  return {
    writeHeader: (header: BackupHeader) => writeLine(CONTROL_PREFIX + JSON.stringify(header)),
    startTable: (table: BackupTable) => writeLine(CONTROL_PREFIX + JSON.stringify(table)),
    writeRow: (rowJson: string) => writeLine(rowJson),
    finish: async (rowCounts: Record<string, number>) => {
      await writeLine(CONTROL_PREFIX + JSON.stringify({ end: true, rowCounts }));
      gzip.end();
      await written;
      renameSync(partial, file);
    },
    discard: async () => {
      gzip.destroy();
      await written.catch(() => undefined);
      rmSync(partial, { force: true });
    },
  };
}

function parseControlLine(line: string): unknown {
  try {
    return JSON.parse(line.slice(CONTROL_PREFIX.length));
  } catch {
    throw new BackupFileError("it has a control record that is not valid JSON");
  }
}

function validateControl<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BackupFileError(`its ${what} is not in the ${BACKUP_FORMAT} format ${BACKUP_FORMAT_VERSION}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function* readLines(file: string) {
  const gunzip = createGunzip();
  const reading = pipeline(createReadStream(file), gunzip);
  reading.catch(() => undefined);
  try {
    for await (const line of readline.createInterface({ input: gunzip, crlfDelay: Infinity })) yield line;
    await reading;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") throw error;
    // zlib's own words ("unexpected end of file", "incorrect header check") say which.
    throw new BackupFileError(`it cannot be decompressed (${(error as Error).message}): a cut-short copy, or not a backup`);
  } finally {
    // A reader that stops early (a refused restore) closes the file.
    gunzip.destroy();
  }
}

/**
 * Reads a backup: the header, then its tables and rows in order. The last step checks the end
 * record against the rows read, so a consumer that uses everything inside one transaction commits
 * only a whole backup.
 */
export async function openBackup(file: string) {
  const lines = readLines(file);
  const first = await lines.next();
  if (first.done || !first.value.startsWith(CONTROL_PREFIX)) throw new BackupFileError(`it does not start with an ${BACKUP_FORMAT} header`);
  const header = validateControl(backupHeaderSchema, parseControlLine(first.value), "header");

  async function* entries(): AsyncGenerator<BackupEntry> {
    const rowCounts: Record<string, number> = {};
    let current: string | undefined;
    for await (const line of lines) {
      if (!line.startsWith(CONTROL_PREFIX)) {
        if (!current) throw new BackupFileError("it has rows before any table");
        rowCounts[current]! += 1;
        yield { kind: "row", json: line };
        continue;
      }
      const control = parseControlLine(line);
      if (typeof control === "object" && control !== null && "end" in control) {
        const end = validateControl(endSchema, control, "end record");
        const expected = JSON.stringify(Object.entries(end.rowCounts).sort());
        if (JSON.stringify(Object.entries(rowCounts).sort()) !== expected) throw new BackupFileError("its row counts do not match its end record");
        if (!(await lines.next()).done) throw new BackupFileError("it goes on after its end record");
        return;
      }
      const table = validateControl(tableStartSchema, control, "table record");
      current = qualifiedName(table.table);
      rowCounts[current] = 0;
      yield { kind: "table", table };
    }
    throw new BackupFileError("it has no end record: the copy was cut short");
  }
  return { header, entries: entries(), close: async () => void (await lines.return(undefined)) };
}
