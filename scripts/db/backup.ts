// pnpm db:backup [file or folder]: every row of the app's tables, from one snapshot, to a gzip'd file.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";

import { writeBackup } from "@academy/db/backup";

import { BACKUP_USAGE, parseBackupOptions } from "./options";
import { formatSize, openDatabase, runCommand } from "./run-command";

runCommand("db:backup", async () => {
  const options = parseBackupOptions(process.argv.slice(2));
  if (!options) return console.log(BACKUP_USAGE);
  mkdirSync(path.dirname(options.file), { recursive: true });
  const database = await openDatabase(options.database, "backup");
  try {
    const summary = await writeBackup({ connectionString: database.connectionString, file: options.file });
    const size = formatSize(statSync(options.file).size);
    console.log(`[db:backup] ${options.file} (${size}): ${summary.tables} tables, ${summary.rows} rows from ${database.description}`);
  } finally {
    await database.close();
  }
});
