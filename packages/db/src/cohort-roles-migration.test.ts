import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { migrate } from "drizzle-orm/node-postgres/migrator";
import { afterAll, describe, expect, it } from "vitest";

import { migrationsFolder, runMigrations } from "./migrate";
import { createTestDb } from "./testing";

/** The migrations up to (not including) the tag, as a folder drizzle's migrator reads. */
function migrationsBefore(tag: string) {
  const folder = mkdtempSync(path.join(tmpdir(), "migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === tag));
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe("the cohort roles migration on a database with cohorts", () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it("gives each existing cohort its own invite code and makes its instructor an instructor member", async () => {
    const testDb = await createTestDb({ isMigrated: false });
    try {
      const folder = migrationsBefore("0004_green_sphinx");
      folders.push(folder);
      await migrate(testDb.db, { migrationsFolder: folder });
      const client = testDb.db.$client;
      await client.query(`INSERT INTO "user" (id, name, email, role) VALUES ('i', 'I', 'i@x.test', 'instructor'), ('l', 'L', 'l@x.test', 'learner')`);
      await client.query(`INSERT INTO cohort (id, name, instructor_id) VALUES ('00000000-0000-4000-8000-000000000001', 'A', 'i'), ('00000000-0000-4000-8000-000000000002', 'B', 'i')`);
      await client.query(`INSERT INTO cohort_membership (cohort_id, user_id) VALUES ('00000000-0000-4000-8000-000000000001', 'l')`);

      await runMigrations(testDb.db);

      const codes = await client.query<{ invite_code: string }>(`SELECT invite_code FROM cohort`);
      expect(codes.rows).toHaveLength(2);
      expect(new Set(codes.rows.map((row) => row.invite_code)).size).toBe(2);
      for (const row of codes.rows) expect(row.invite_code).toMatch(/^[0-9a-f]{32}$/);
      const members = await client.query(`SELECT cohort_id, user_id, role FROM cohort_membership ORDER BY cohort_id, user_id`);
      expect(members.rows).toEqual([
        { cohort_id: "00000000-0000-4000-8000-000000000001", user_id: "i", role: "instructor" },
        { cohort_id: "00000000-0000-4000-8000-000000000001", user_id: "l", role: "learner" },
        { cohort_id: "00000000-0000-4000-8000-000000000002", user_id: "i", role: "instructor" },
      ]);
      await expect(client.query(`INSERT INTO cohort (name, instructor_id) VALUES ('C', 'i')`)).rejects.toThrow(/invite_code/);
    } finally {
      await testDb.close();
    }
  });
});
