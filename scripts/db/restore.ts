// pnpm db:restore <file> [--force]: a backup into an empty database (or, with --force, in place of the app's schemas).
import { restoreBackup } from "@academy/db/backup";

import { RESTORE_USAGE, parseRestoreOptions } from "./options";
import { openDatabase, runCommand } from "./run-command";

runCommand("db:restore", async () => {
  const options = parseRestoreOptions(process.argv.slice(2));
  if (!options) return console.log(RESTORE_USAGE);
  const database = await openDatabase(options.database, "restore");
  try {
    const summary = await restoreBackup({ connectionString: database.connectionString, file: options.file, replaceExisting: options.shouldReplaceExisting });
    const newer = summary.migrationsAfterLoad ? `, then ${summary.migrationsAfterLoad} newer migrations` : "";
    console.log(`[db:restore] ${summary.tables} tables, ${summary.rows} rows backed up at ${summary.backedUpAt} restored into ${database.description}${newer}`);
  } finally {
    await database.close();
  }
});
