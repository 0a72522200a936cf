import type { Db } from "@academy/db";
import { stringify } from "csv-stringify/sync";

import type { CohortViewer } from "./cohort-access";
import { findTaughtCohort } from "./cohort-access";
import { findExercise, readExerciseResults } from "./exercise-results";
import { getCohortGradebook } from "./get-cohort-gradebook";

type Cell = string | number | boolean | Date | null;

/**
 * RFC 4180 text for spreadsheets: a cell starting with = + - @ is prefixed with a quote, so a
 * learner's name is never run as a formula (CSV injection); scores stay numbers with their decimals.
 */
function toCsv(header: string[], rows: Cell[][]) {
  return stringify([header, ...rows], {
    escape_formulas: true,
    record_delimiter: "windows",
    cast: { date: (value) => value.toISOString(), boolean: (value) => (value ? "yes" : "no") },
  });
}

const fileNameOf = (...parts: string[]) =>
  `${parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")}.csv`;

/** The gradebook as a spreadsheet: one row per learner, their totals, then each exercise's best score and attempts. */
export async function exportCohortGradebookCsv(db: Db, input: { cohortId: string; viewer: CohortViewer }) {
  const { cohort, exercises, learners } = await getCohortGradebook(db, input);
  const header = [
    "Learner",
    "Email",
    "Total score",
    "Points possible",
    "Progress %",
    "Exercises passed",
    "Attempts",
    "Last activity",
    ...exercises.flatMap((exercise) => [`${exercise.title} (${exercise.section}) best of ${exercise.points}`, `${exercise.title} (${exercise.section}) attempts`]),
  ];
  const rows = learners.map((learner) => [
    learner.name,
    learner.email,
    learner.totals.totalScore,
    learner.totals.pointsPossible,
    learner.totals.progressPercent,
    learner.totals.exercisesPassed,
    learner.totals.attempts,
    learner.totals.lastActivityAt,
    ...exercises.flatMap((exercise) => {
      const cell = learner.cells[exercise.id];
      return [cell?.bestScore ?? null, cell?.attempts ?? 0];
    }),
  ]);
  return { fileName: fileNameOf(cohort.name, "gradebook"), csv: toCsv(header, rows) };
}

/** One exercise's results as a spreadsheet: a row per learner with the submissions behind the numbers. */
export async function exportCohortExerciseResultsCsv(db: Db, input: { cohortId: string; exerciseId: string; viewer: CohortViewer }) {
  const cohort = await findTaughtCohort(db, input.cohortId, input.viewer);
  const [exercise, learners] = await Promise.all([findExercise(db, input.exerciseId), readExerciseResults(db, input.cohortId, input.exerciseId)]);
  const header = ["Learner", "Email", `Best score of ${exercise.points}`, "Passed", "Attempts", "Attempts to pass", "Last status", "Last activity", "Best submission id", "Last submission id"];
  const rows = learners.map((learner) => [
    learner.name,
    learner.email,
    learner.bestScore,
    learner.isPassed,
    learner.attempts,
    learner.attemptsToPass,
    learner.lastStatus,
    learner.lastActivityAt,
    learner.bestSubmissionId,
    learner.lastSubmissionId,
  ]);
  return { fileName: fileNameOf(cohort.name, exercise.id), csv: toCsv(header, rows) };
}
