import type { Db } from "@academy/db";
import { stringify } from "csv-stringify/sync";

import type { CohortViewer } from "../../cohort/cohort-access";
import type { Clock } from "../clock";
import { systemClock } from "../clock";
import { getCohortExamRoster } from "./cohort-exam-roster";

const COLUMNS = ["Learner", "Email", "Status", "Extra minutes", "Started at", "Submitted at", "Part A score", "Part A max", "Part A %", "Score", "Max score"];

function statusLabel(row: { state: string; isExpired: boolean }): string {
  if (row.state === "submitted") return row.isExpired ? "submitted at the deadline" : "submitted";
  return row.state === "in-progress" ? "in progress" : "not started";
}

function percent(score: number | null, maxScore: number | null): string {
  return score === null || !maxScore ? "" : ((100 * score) / maxScore).toFixed(1);
}

function slug(text: string): string {
  return text.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-").replaceAll(/^-|-$/g, "") || "exam";
}

/**
 * The results table as CSV for the exam's instructors: one line a learner, times in ISO 8601 (UTC).
 * A cell starting with = + - @ gets a leading quote, so a learner's name never runs as a formula.
 */
export async function exportCohortExamResultsCsv(db: Db, input: { examId: string; viewer: CohortViewer }, clock: Clock = systemClock) {
  const roster = await getCohortExamRoster(db, input, clock);
  const records = roster.learners.map((row) => [
    row.name,
    row.email,
    statusLabel(row),
    row.extraMinutes,
    row.startedAt?.toISOString() ?? "",
    row.submittedAt?.toISOString() ?? "",
    row.partAScore ?? "",
    row.partAMaxScore ?? "",
    percent(row.partAScore, row.partAMaxScore),
    row.score ?? "",
    row.maxScore ?? "",
  ]);
  return { fileName: `${slug(roster.exam.title)}-results.csv`, csv: stringify(records, { header: true, columns: COLUMNS, escape_formulas: true }) };
}
