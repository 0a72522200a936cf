import { createDb, runMigrations, seedDemoData } from "@academy/db";
import { syncExercises } from "@academy/services";

import { loadGraderConfig } from "./config";

/*
 * The compose stack's one-shot `prepare` step (the grader service image, before web and grader
 * start): migrates the database, syncs the exercise folders, and with SEED_DEMO=true adds the demo
 * accounts. `npm start` does the same in scripts/stack/main.ts.
 */
const config = loadGraderConfig();
const { db, pool } = createDb(config.DATABASE_URL, { max: 2 });
await runMigrations(db);
const synced = await syncExercises(db, config.EXERCISES_DIR);
console.log(`[prepare] database migrated; ${synced.exercises} exercises synced (${synced.newVersions} new versions)`);
if (process.env.SEED_DEMO === "true") {
  const accounts = await seedDemoData(db);
  console.log(`[prepare] demo accounts: ${[accounts.instructor, ...accounts.learners].map((account) => account.email).join(", ")}`);
}
await pool.end();
