// pnpm demo:record [--all] [--only id1,id2] [--check]: grades, in the real grader image, every exercise's solution and
// starter and the learner-like variants of scripts/demo/variants.ts, and writes the reports the demo
// seed stores (packages/services/src/demo/recorded-reports.json). Without --all, only exercises whose
// folder changed since their recording (or that have none) are graded again, or those --only names
// (after a change to their variants). --check grades nothing:
// it lists the stale exercises and exits 1 when there are any.
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { loadExercise } from "@academy/exercises";
import { createDockerClient, ensureGraderImage, gradeSubmission, readSubmissionDir, type SubmittedFile } from "@academy/sandbox";
import {
  findStaleRecordings,
  readRecordedReports,
  recordedReportsPath,
  type RecordedAttempt,
  type RecordedExercise,
  type RecordedReports,
} from "@academy/services/demo";

import { loadExercisesDir } from "../stack/config";
import { variants, type Variant } from "./variants";

const MAX_FILES = 20;

// A variant's files go into the JSON recording, so they are kept as text (exercise files are Python).
const asText = (file: SubmittedFile) => ({ name: file.name, content: typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content) });

function applyEdits(variant: Variant, content: string) {
  return variant.edits.reduce((text, [find, replace]) => {
    const occurrences = text.split(find).length - 1;
    if (occurrences !== 1) {
      throw new Error(`variant "${variant.label}" of ${variant.exerciseId}: ${JSON.stringify(find.slice(0, 60))} occurs ${occurrences} times in ${variant.file}, not once`);
    }
    return text.replace(find, () => replace);
  }, content);
}

async function recordExercise(dir: string, docker: ReturnType<typeof createDockerClient>): Promise<RecordedExercise> {
  const exercise = await loadExercise(dir);
  const exerciseId = exercise.config.id;
  const grade = (files: SubmittedFile[]) => gradeSubmission({ exerciseDir: dir, files, docker });
  const solutionFiles = (await readSubmissionDir(path.join(dir, "solution"), MAX_FILES)).map(asText);
  const attempts: RecordedAttempt[] = [
    { kind: "solution", label: "the reference solution", report: await grade(solutionFiles) },
    { kind: "starter", label: "the starter as given", report: await grade(await readSubmissionDir(path.join(dir, "starter"), MAX_FILES)) },
  ];
  for (const variant of variants.filter((v) => v.exerciseId === exerciseId)) {
    const files = solutionFiles.map((file) => (file.name === variant.file ? { ...file, content: applyEdits(variant, file.content) } : file));
    if (!solutionFiles.some((file) => file.name === variant.file)) throw new Error(`variant "${variant.label}": ${exerciseId} has no file ${variant.file}`);
    const report = await grade(files);
    // A variant is a learner's mistake: one that passes would show a "failed attempt" with full marks.
    if (report.status === "passed") throw new Error(`${exerciseId}: the ${variant.kind} variant "${variant.label}" passes every test; make it break something`);
    attempts.push({ kind: variant.kind, label: variant.label, files, report });
  }
  const solution = attempts[0]!.report;
  if (solution.status !== "passed" || solution.score !== solution.maxScore) {
    throw new Error(`${exerciseId}: the solution scored ${solution.status} ${solution.score}/${solution.maxScore}; run pnpm exercises:verify ${exerciseId}`);
  }
  return { exerciseId, contentHash: exercise.version, attempts };
}

async function readExisting(): Promise<RecordedReports | undefined> {
  try {
    return await readRecordedReports();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function main(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { all: { type: "boolean", default: false }, only: { type: "string", default: "" }, check: { type: "boolean", default: false } } });
  const exercisesDir = loadExercisesDir();
  const existing = await readExisting();
  const stale = existing ? await findStaleRecordings(existing, exercisesDir) : undefined;
  if (values.check) {
    if (!stale) throw new Error("no recording yet: run pnpm demo:record");
    for (const line of stale.describe()) console.log(line);
    return stale.exerciseIds.length === 0 ? 0 : 1;
  }
  const ids = (await readdir(exercisesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const unknownVariants = variants.filter((v) => !ids.includes(v.exerciseId));
  if (unknownVariants.length > 0) throw new Error(`variants of unknown exercises: ${unknownVariants.map((v) => v.exerciseId).join(", ")}`);
  const only = values.only.split(",").map((id) => id.trim()).filter(Boolean);
  const unknown = only.filter((id) => !ids.includes(id));
  if (unknown.length > 0) throw new Error(`no such exercise: ${unknown.join(", ")}`);
  const toRecord = only.length > 0 ? only : values.all || !stale ? ids : stale.exerciseIds;
  const docker = createDockerClient();
  const image = await ensureGraderImage({ docker });
  const started = performance.now();
  const recorded = new Map((existing?.exercises ?? []).filter((e) => ids.includes(e.exerciseId)).map((e) => [e.exerciseId, e]));
  const failures: string[] = [];
  for (const id of toRecord) {
    const exerciseStarted = performance.now();
    const entry = await recordExercise(path.join(exercisesDir, id), docker).catch((error: unknown) => {
      failures.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (!entry) {
      console.log(`FAIL ${failures.at(-1)}`);
      continue;
    }
    recorded.set(id, entry);
    const summary = entry.attempts.map((a) => `${a.kind} ${a.report.status} ${a.report.score}/${a.report.maxScore}`).join(", ");
    console.log(`${id} (${((performance.now() - exerciseStarted) / 1000).toFixed(1)}s): ${summary}`);
  }
  const output: RecordedReports = {
    graderImage: image,
    recordedAt: new Date().toISOString(),
    exercises: [...recorded.values()].sort((a, b) => a.exerciseId.localeCompare(b.exerciseId)),
  };
  await writeFile(recordedReportsPath, `${JSON.stringify(output)}\n`);
  const gradings = [...recorded.values()].filter((e) => toRecord.includes(e.exerciseId)).reduce((sum, e) => sum + e.attempts.length, 0);
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(`\ndemo:record: ${toRecord.length - failures.length} exercises, ${gradings} gradings in ${seconds}s; ${output.exercises.length} exercises recorded in ${path.relative(process.cwd(), fileURLToPath(recordedReportsPath))}`);
  if (failures.length > 0) console.log(`not recorded (their demo submissions are left out):\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  return failures.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo:record: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
