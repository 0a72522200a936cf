import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { readSubmissionDir } from "../submission/read-submission-dir";
import type { GradingReport } from "../report/schema";

export const FIXTURES_DIR = fileURLToPath(new URL("../../test-fixtures", import.meta.url));
export const exerciseDir = (id: string) => path.join(FIXTURES_DIR, "exercises", id);

/** Files of a fixture folder (relative to test-fixtures/) as a submission. */
export async function fixtureFiles(relativeDir: string) {
  return readSubmissionDir(path.join(FIXTURES_DIR, relativeDir), 50);
}

export async function readGolden(name: string): Promise<GradingReport> {
  return JSON.parse(await readFile(path.join(FIXTURES_DIR, "golden", `${name}.json`), "utf8")) as GradingReport;
}

/** A report without its durations and timings, which vary from run to run. */
export function withoutTimings(report: GradingReport): GradingReport {
  return {
    ...report,
    tests: report.tests.map((test) => ({ ...test, durationMs: 0 })),
    timing: { queuedMs: 0, containerMs: 0, testsMs: 0, totalMs: 0 },
  };
}
