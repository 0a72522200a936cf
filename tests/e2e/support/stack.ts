import path from "node:path";

/** The stack the browser tests run against (playwright.config.ts starts it): where it serves and keeps its data. */
export const e2eStack = {
  port: Number(process.env.E2E_PORT ?? 3100),
  databasePort: Number(process.env.E2E_PG_PORT ?? 54339),
  dataDir: path.resolve(import.meta.dirname, "../../../.data/e2e"),
};

/**
 * The mock exam's length in the browser tests' stack: mock-exam.spec.ts takes a whole sitting and
 * lets it run out. Its steps take well under a minute here; three leave room for a machine twice as slow.
 */
export const e2eExam = { durationMinutes: 3 };
