// pnpm exercises:verify [id ...]: every exercise checked in the real grader image.
import { readdir } from "node:fs/promises";
import path from "node:path";

import { loadExercise } from "@academy/content";
import type { GradingReport } from "@academy/sandbox";
import { createDockerClient, ensureGraderImage, gradeSubmission, readSubmissionDir } from "@academy/sandbox";

import { repoRoot } from "../stack/config";

const MIN_VISIBLE = 2;
const MIN_HIDDEN = 5;
const PARALLEL = 2;

type Row = { id: string; section: string; kind: string; visible: number; hidden: number; solution: string; starter: string; seconds: number; problems: string[] };

async function verifyExercise(dir: string, docker: ReturnType<typeof createDockerClient>): Promise<Row> {
  const started = performance.now();
  const exercise = await loadExercise(dir);
  const { config } = exercise;
  const grade = async (folder: "solution" | "starter") =>
    gradeSubmission({ exerciseDir: dir, files: await readSubmissionDir(path.join(dir, folder), 20), docker });
  const [solution, starter] = [await grade("solution"), await grade("starter")];
  const problems: string[] = [];
  const describe = (report: GradingReport) => `${report.status} ${report.score}/${report.maxScore}`;
  if (solution.status !== "passed" || solution.score !== solution.maxScore) {
    const failing = solution.tests.filter((t) => t.status !== "passed").map((t) => `${t.name}: ${t.message ?? t.status}`);
    problems.push(`the solution does not score full marks (${describe(solution)}) ${failing.join("; ")} ${solution.output.slice(-400)}`);
  }
  const visible = solution.tests.filter((t) => t.visibility === "visible").length;
  const hidden = solution.tests.filter((t) => t.visibility === "hidden").length;
  if (config.kind === "implement") {
    if (visible < MIN_VISIBLE) problems.push(`only ${visible} visible tests (at least ${MIN_VISIBLE})`);
    if (hidden < MIN_HIDDEN) problems.push(`only ${hidden} hidden tests (at least ${MIN_HIDDEN})`);
    if (!starter.tests.some((t) => t.visibility === "hidden" && t.status !== "passed") && starter.status !== "error") {
      problems.push(`the starter fails no hidden test (${describe(starter)})`);
    }
  } else {
    if (hidden < 3) problems.push(`only ${hidden} mutants (at least 3)`);
    if (starter.score >= starter.maxScore) problems.push(`the starter tests catch every mutant (${describe(starter)})`);
  }
  return {
    id: config.id,
    section: config.section,
    kind: config.kind,
    visible,
    hidden,
    solution: describe(solution),
    starter: describe(starter),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    problems,
  };
}

async function main(only: string[]) {
  const started = performance.now();
  const exercisesDir = path.join(repoRoot, "exercises");
  const docker = createDockerClient();
  await ensureGraderImage({ docker });
  const ids = (await readdir(exercisesDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && (only.length === 0 || only.includes(entry.name)))
    .map((entry) => entry.name)
    .sort();
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
