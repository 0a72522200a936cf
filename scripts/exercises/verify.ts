// pnpm exercises:verify [id ...] [--only id1,id2]: every exercise checked in the real grader image.
// pnpm exercises:verify --repeat N [--only ...]: stress mode, each solution graded N times, with
// per-exercise pass counts, to find tests that depend on timing, order or chance.
// A team-project template (exercise.yaml with milestones) is checked milestone by milestone: see verifyTemplate.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { loadExercise, type LoadedExercise } from "@academy/exercises";
import type { GradingReport } from "@academy/sandbox";
import { createDockerClient, ensureGraderImage, gradeSubmission, readSubmissionDir } from "@academy/sandbox";

import { z } from "zod";

import { loadExercisesDir } from "../stack/config";

const MIN_VISIBLE = 2;
const MIN_HIDDEN = 5;
const PARALLEL = 2;

type Row = { id: string; section: string; kind: string; visible: number; hidden: number; solution: string; starter: string; seconds: number; problems: string[] };

const describeReport = (report: GradingReport) => `${report.status} ${report.score}/${report.maxScore}`;
const isFullMarks = (report: GradingReport) => report.status === "passed" && report.score === report.maxScore;

function describeShortfall(what: string, report: GradingReport) {
  const failing = report.tests.filter((t) => t.status !== "passed").map((t) => `${t.name}: ${t.message ?? t.status}`);
  return `${what} does not score full marks (${describeReport(report)}) ${failing.join("; ")} ${report.output.slice(-400)}`;
}

const failsAHiddenTest = (report: GradingReport) =>
  report.status === "error" || report.tests.some((t) => t.visibility === "hidden" && t.status !== "passed");

async function verifyExercise(dir: string, docker: ReturnType<typeof createDockerClient>): Promise<Row> {
  const started = performance.now();
  const exercise = await loadExercise(dir);
  if (exercise.milestones.length > 0) return verifyTemplate(exercise, docker, started);
  const { config } = exercise;
  const grade = async (folder: "solution" | "starter") =>
    gradeSubmission({ exerciseDir: dir, files: await readSubmissionDir(path.join(dir, folder), 20), docker });
  const [solution, starter] = [await grade("solution"), await grade("starter")];
  const problems: string[] = [];
  if (!isFullMarks(solution)) problems.push(describeShortfall("the solution", solution));
  const visible = solution.tests.filter((t) => t.visibility === "visible").length;
  const hidden = solution.tests.filter((t) => t.visibility === "hidden").length;
  if (config.kind === "implement") {
    if (visible < MIN_VISIBLE) problems.push(`only ${visible} visible tests (at least ${MIN_VISIBLE})`);
    if (hidden < MIN_HIDDEN) problems.push(`only ${hidden} hidden tests (at least ${MIN_HIDDEN})`);
    if (!failsAHiddenTest(starter)) problems.push(`the starter fails no hidden test (${describeReport(starter)})`);
  } else {
    if (hidden < 3) problems.push(`only ${hidden} mutants (at least 3)`);
    if (starter.score >= starter.maxScore) problems.push(`the starter tests catch every mutant (${describeReport(starter)})`);
  }
  return {
    id: config.id,
    section: config.section,
    kind: config.kind,
    visible,
    hidden,
    solution: describeReport(solution),
    starter: describeReport(starter),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    problems,
  };
}

/** A team-project template, milestone by milestone: milestone k's reference solution scores full
 * marks on the suites of milestones 1..k (a team keeps earlier work passing), the starter fails k's. */
async function verifyTemplate(exercise: LoadedExercise, docker: ReturnType<typeof createDockerClient>, started: number): Promise<Row> {
  const { config, internal } = exercise;
  const grade = async (folder: string, milestone: string) =>
    gradeSubmission({ exerciseDir: exercise.dir, files: await readSubmissionDir(folder, 20), docker, milestone });
  const problems: string[] = [];
  const solutionGrades: string[] = [];
  const starterGrades: string[] = [];
  let visible = 0;
  let hidden = 0;
  for (const [index, milestone] of internal.milestones.entries()) {
    for (const suite of internal.milestones.slice(0, index + 1)) {
      const report = await grade(milestone.solutionDir, suite.key);
      if (!isFullMarks(report)) problems.push(describeShortfall(`milestone ${milestone.key}'s solution on the ${suite.key} suite`, report));
      if (suite.key !== milestone.key) continue;
      solutionGrades.push(`${milestone.key} ${describeReport(report)}`);
      visible += report.tests.filter((t) => t.visibility === "visible").length;
      hidden += report.tests.filter((t) => t.visibility === "hidden").length;
    }
    const starter = await grade(path.join(exercise.dir, "starter"), milestone.key);
    starterGrades.push(`${milestone.key} ${describeReport(starter)}`);
    if (!failsAHiddenTest(starter)) problems.push(`the starter fails no hidden test of milestone ${milestone.key} (${describeReport(starter)})`);
  }
  return {
    id: config.id,
    section: config.section,
    kind: `template (${internal.milestones.length} milestones)`,
    visible,
    hidden,
    solution: solutionGrades.join(", "),
    starter: starterGrades.join(", "),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    problems,
  };
}

// slowestRunSeconds: the longest time a grading's containers ran (what timeoutSeconds limits), so a
// solution that passes only because it stayed just under its limit stands out.
type StressRow = { id: string; runs: number; fullMarks: number; failures: string[]; slowestRunSeconds: number; limitSeconds: number; seconds: number };

/** Grades the solution `repeat` times, two gradings at a time, and counts those scoring full marks. */
async function stressExercise(dir: string, repeat: number, docker: ReturnType<typeof createDockerClient>): Promise<StressRow> {
  const started = performance.now();
  const { config } = await loadExercise(dir);
  const files = await readSubmissionDir(path.join(dir, "solution"), 20);
  const reports: GradingReport[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < repeat) {
        next++;
        reports.push(await gradeSubmission({ exerciseDir: dir, files, docker }));
      }
    }),
  );
  const failures = new Map<string, number>();
  for (const report of reports.filter((r) => r.status !== "passed" || r.score !== r.maxScore)) {
    const failing = report.tests.filter((t) => t.status !== "passed").map((t) => `${t.name}: ${t.message ?? t.status}`);
    const reason = `${report.status}: ${failing.join("; ") || report.output.slice(-200)}`;
    failures.set(reason, (failures.get(reason) ?? 0) + 1);
  }
  return {
    id: config.id,
    runs: reports.length,
    fullMarks: reports.filter((r) => r.status === "passed" && r.score === r.maxScore).length,
    failures: [...failures].map(([reason, times]) => `${times}x ${reason}`),
    slowestRunSeconds: Math.max(...reports.map((r) => r.timing.containerMs)) / 1000,
    limitSeconds: config.timeoutSeconds,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

async function stress(dirs: string[], repeat: number, docker: ReturnType<typeof createDockerClient>) {
  const started = performance.now();
  const rows: StressRow[] = [];
  for (const dir of dirs) {
    // A long stress run can outlive the image it started with (the runner's sources changed): the
    // gradings would then fail for want of an image, so each exercise makes sure the current one exists.
    await ensureGraderImage({ docker });
    const row = await stressExercise(dir, repeat, docker).catch((error: unknown) => ({
      id: path.basename(dir), runs: 0, fullMarks: 0, failures: [String(error)], slowestRunSeconds: 0, limitSeconds: 0, seconds: 0,
    }));
    rows.push(row);
    const ok = row.fullMarks === repeat;
    console.log(`${ok ? "ok  " : "FAIL"} ${row.id}: ${row.fullMarks}/${repeat} full marks (${row.seconds}s)${row.failures.map((f) => `\n     - ${f}`).join("")}`);
  }
  console.log("\n| exercise | runs | full marks | failures | slowest run s | limit s | s |\n|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.id} | ${r.runs} | ${r.fullMarks} | ${r.runs - r.fullMarks} | ${r.slowestRunSeconds.toFixed(1)} | ${r.limitSeconds} | ${r.seconds} |`);
  }
  console.log("(slowest run: for write-tests, the app's and every mutant's runs added up, each within the limit)");
  const failed = rows.filter((r) => r.fullMarks !== repeat);
  const runs = rows.reduce((sum, r) => sum + r.runs, 0);
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(`\nstress: ${rows.length} exercises x ${repeat} gradings of the solution = ${runs} runs, ${runs - rows.reduce((sum, r) => sum + r.fullMarks, 0)} without full marks, in ${seconds}s`);
  console.log(`${rows.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
}

const argsSchema = z.object({
  repeat: z.coerce.number().int().min(1).max(1000),
  ids: z.array(z.string().regex(/^[a-z0-9-]+$/, "exercise ids are lowercase letters, digits and dashes")),
});

function readArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { repeat: { type: "string", default: "1" }, only: { type: "string", default: "" } },
  });
  const only = values.only.split(",").map((id) => id.trim()).filter(Boolean);
  const parsed = argsSchema.safeParse({ repeat: values.repeat, ids: [...positionals, ...only] });
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return parsed.data;
}

async function main(argv: string[]) {
  const { repeat, ids: only } = readArgs(argv);
  const started = performance.now();
  const exercisesDir = loadExercisesDir();
  const docker = createDockerClient();
  await ensureGraderImage({ docker });
  const ids = (await readdir(exercisesDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && (only.length === 0 || only.includes(entry.name)))
    .map((entry) => entry.name)
    .sort();
  const unknown = only.filter((id) => !ids.includes(id));
  if (unknown.length > 0) throw new Error(`no such exercise: ${unknown.join(", ")}`);
  if (repeat > 1) return stress(ids.map((id) => path.join(exercisesDir, id)), repeat, docker);
  const rows: Row[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const row = await verifyExercise(path.join(exercisesDir, id), docker).catch((error: unknown) => ({
          id, section: "?", kind: "?", visible: 0, hidden: 0, solution: "-", starter: "-", seconds: 0, problems: [String(error)],
        }));
        rows.push(row);
        console.log(`${row.problems.length ? "FAIL" : "ok  "} ${row.id} (${row.seconds}s)${row.problems.map((p) => `\n     - ${p}`).join("")}`);
      }
    }),
  );
  rows.sort((a, b) => a.section.localeCompare(b.section, undefined, { numeric: true }) || a.id.localeCompare(b.id));
  console.log("\n| exercise | section | kind | visible | hidden | solution | starter | s |\n|---|---|---|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.id} | ${r.section} | ${r.kind} | ${r.visible} | ${r.hidden} | ${r.solution} | ${r.starter} | ${r.seconds} |`);
  const failed = rows.filter((r) => r.problems.length > 0);
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(`\nexercises: ${rows.length} verified, ${failed.length} with problems, in ${seconds}s`);
  console.log(`${rows.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`exercises:verify: ${String(error)}`);
    process.exit(1);
  },
);
