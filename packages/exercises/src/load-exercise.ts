import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";

import { hashExerciseFolder } from "./content-hash";
import { ExerciseFolderError } from "./errors";
import { checkMilestoneFolders, loadMilestones, milestonePaths, type InternalMilestonePaths, type LoadedMilestone } from "./load-milestones";
import { listFiles, readTextFiles, type TextFile } from "./read-files";
import { exerciseConfigSchema, type ExerciseConfig } from "./schema";

/** Paths a learner must never receive: only the grader reads them. */
export type InternalPaths = {
  solutionDir: string;
  hiddenTestsDir: string;
  visibleTestsDir: string;
  appDir: string | null;
  mutants: { name: string; dir: string }[];
  /** A template's milestones, in order ([] for an ordinary exercise). */
  milestones: InternalMilestonePaths[];
};

export type LoadedExercise = {
  dir: string;
  config: ExerciseConfig;
  readme: string;
  starterFiles: TextFile[];
  /** A template's: every milestone's visible tests together. */
  visibleTests: TextFile[];
  version: string;
  /** [] unless exercise.yaml has milestones (the folder is a team-project template). */
  milestones: LoadedMilestone[];
  internal: InternalPaths;
};

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then((s) => s.isDirectory(), () => false);
}

async function readConfig(dir: string, problems: string[]): Promise<ExerciseConfig | null> {
  const raw = await readFile(path.join(dir, "exercise.yaml"), "utf8").catch(() => null);
  if (raw === null) {
    problems.push("exercise.yaml is missing");
    return null;
  }
  const parsed = exerciseConfigSchema.safeParse(parseYaml(raw));
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `exercise.yaml ${issue.path.join(".") || "(root)"}: ${issue.message}`));
    return null;
  }
  return parsed.data;
}

async function listMutants(dir: string): Promise<{ name: string; dir: string }[]> {
  const entries = await readdir(path.join(dir, "mutants"), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, dir: path.join(dir, "mutants", entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function checkFolder(dir: string, config: ExerciseConfig, mutants: InternalPaths["mutants"], problems: string[]) {
  if (path.basename(dir) !== config.id) problems.push(`id ${config.id} differs from the folder name ${path.basename(dir)}`);
  const isTemplate = config.milestones.length > 0;
  for (const sub of isTemplate ? ["starter", "solution"] : ["starter", "solution", "tests/visible", "tests/hidden"]) {
    if (!(await isDirectory(path.join(dir, sub)))) problems.push(`${sub}/ is missing`);
  }
  const starter = await listFiles(path.join(dir, "starter"));
  const solution = await listFiles(path.join(dir, "solution"));
  for (const name of config.files) {
    if (!starter.includes(name)) problems.push(`starter/ lacks ${name} (listed in files)`);
    if (!solution.includes(name)) problems.push(`solution/ lacks ${name} (listed in files)`);
  }
  if (isTemplate) await checkMilestoneFolders(dir, config, problems);
  if (config.kind === "write-tests") {
    const app = await listFiles(path.join(dir, "app"));
    if (!app.includes(config.entrypoint)) problems.push(`app/ lacks the entrypoint ${config.entrypoint}`);
    if (mutants.length === 0) problems.push("mutants/ needs at least one mutant folder");
    for (const mutant of mutants) {
      if (!(await listFiles(mutant.dir)).includes(config.entrypoint)) {
        problems.push(`mutants/${mutant.name}/ lacks the entrypoint ${config.entrypoint}`);
      }
    }
  }
}

/** Reads and validates one exercise folder; throws ExerciseFolderError listing every problem. */
export async function loadExercise(exerciseDir: string): Promise<LoadedExercise> {
  const dir = path.resolve(exerciseDir);
  if (!(await isDirectory(dir))) throw new ExerciseFolderError(dir, ["not a directory"]);
  const problems: string[] = [];
  const config = await readConfig(dir, problems);
  const readme = await readFile(path.join(dir, "README.md"), "utf8").catch(() => {
    problems.push("README.md is missing");
    return "";
  });
  const mutants = await listMutants(dir);
  if (config) await checkFolder(dir, config, mutants, problems);
  if (!config || problems.length > 0) throw new ExerciseFolderError(dir, problems);

  const starterFiles = (await readTextFiles(path.join(dir, "starter"))).filter((f) => config.files.includes(f.name));
  const milestones = await loadMilestones(dir, config);
  return {
    dir,
    config,
    readme,
    starterFiles,
    visibleTests: milestones.length > 0 ? milestones.flatMap((m) => m.visibleTests) : await readTextFiles(path.join(dir, "tests/visible")),
    version: await hashExerciseFolder(dir),
    milestones,
    internal: {
      solutionDir: path.join(dir, "solution"),
      hiddenTestsDir: path.join(dir, "tests/hidden"),
      visibleTestsDir: path.join(dir, "tests/visible"),
      appDir: config.kind === "write-tests" ? path.join(dir, "app") : null,
      mutants,
      milestones: milestonePaths(dir, config),
    },
  };
}
