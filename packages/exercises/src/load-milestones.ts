import { readdir, stat } from "node:fs/promises";
import path from "node:path";

import { hashExerciseFolder } from "./content-hash";
import { listTestNames } from "./list-test-names";
import { listFiles, readTextFiles, type TextFile } from "./read-files";
import type { ExerciseConfig } from "./schema";

/** The contract's floor for a milestone's hidden suite: fewer tests say too little about a team's work. */
export const MIN_MILESTONE_HIDDEN_TESTS = 5;

/** What a team may see of a milestone (its hidden tests stay in `internal`). */
export type LoadedMilestone = {
  key: string;
  title: string;
  /** 0-based order in exercise.yaml: milestone k builds on milestones 0..k-1. */
  position: number;
  dueOffsetDays: number | null;
  points: number;
  /** A hash over milestones/<key>/tests/: a changed suite gets a new version. */
  version: string;
  visibleTests: TextFile[];
  hiddenTestCount: number;
};

/** Paths only the grader and exercises:verify read. `solutionDir` is the reference solution at the
 * end of the milestone: milestones/<key>/solution/, or solution/ for the last milestone. */
export type InternalMilestonePaths = { key: string; hiddenTestsDir: string; visibleTestsDir: string; solutionDir: string };

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then((s) => s.isDirectory(), () => false);
}

export function milestonePaths(dir: string, config: ExerciseConfig): InternalMilestonePaths[] {
  return config.milestones.map((milestone, index) => {
    const base = path.join(dir, "milestones", milestone.key);
    const isLast = index === config.milestones.length - 1;
    return {
      key: milestone.key,
      hiddenTestsDir: path.join(base, "tests/hidden"),
      visibleTestsDir: path.join(base, "tests/visible"),
      solutionDir: isLast ? path.join(dir, "solution") : path.join(base, "solution"),
    };
  });
}

/** The folder rules of a template (exercise.yaml has milestones); each broken rule is one problem. */
export async function checkMilestoneFolders(dir: string, config: ExerciseConfig, problems: string[]) {
  if (await isDirectory(path.join(dir, "tests"))) problems.push("tests/ is not used by a template: each milestone's tests live in milestones/<key>/tests/");
  const keys = config.milestones.map((m) => m.key);
  const folders = (await readdir(path.join(dir, "milestones"), { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory());
  for (const folder of folders) {
    if (!keys.includes(folder.name)) problems.push(`milestones/${folder.name}/ is not a milestone of exercise.yaml`);
  }
  const testFileOwners = new Map<string, string>();
  const paths = milestonePaths(dir, config);
  for (const [index, milestone] of paths.entries()) {
    const where = `milestones/${milestone.key}`;
    if (!(await isDirectory(milestone.hiddenTestsDir))) {
      problems.push(`${where}/tests/hidden/ is missing`);
    } else {
      const hiddenCount = listTestNames(await readTextFiles(milestone.hiddenTestsDir), "hidden").length;
      if (hiddenCount < MIN_MILESTONE_HIDDEN_TESTS) {
        problems.push(`${where}/tests/hidden/ has ${hiddenCount} tests (at least ${MIN_MILESTONE_HIDDEN_TESTS})`);
      }
    }
    // The whole project is graded on every suite at once, in one folder per visibility.
    for (const name of [...(await listFiles(milestone.hiddenTestsDir)), ...(await listFiles(milestone.visibleTestsDir))]) {
      const owner = testFileOwners.get(name);
      if (owner) problems.push(`the test file ${name} is in both milestones/${owner}/ and ${where}/: name test files apart`);
      testFileOwners.set(name, milestone.key);
    }
    const isLast = index === paths.length - 1;
    if (isLast) {
      if (await isDirectory(path.join(dir, where, "solution"))) problems.push(`${where}/solution/ is not used: the last milestone's reference solution is solution/`);
      continue;
    }
    if (!(await isDirectory(milestone.solutionDir))) {
      problems.push(`${where}/solution/ is missing (the reference solution at the end of this milestone)`);
      continue;
    }
    const solution = await listFiles(milestone.solutionDir);
    for (const name of config.files) {
      if (!solution.includes(name)) problems.push(`${where}/solution/ lacks ${name} (listed in files)`);
    }
  }
}

export async function loadMilestones(dir: string, config: ExerciseConfig): Promise<LoadedMilestone[]> {
  const paths = milestonePaths(dir, config);
  return Promise.all(
    config.milestones.map(async (milestone, position) => {
      const internal = paths[position]!;
      return {
        key: milestone.key,
        title: milestone.title,
        position,
        dueOffsetDays: milestone.dueOffsetDays ?? null,
        points: milestone.points,
        version: await hashExerciseFolder(path.join(dir, "milestones", milestone.key, "tests")),
        visibleTests: await readTextFiles(internal.visibleTestsDir),
        hiddenTestCount: listTestNames(await readTextFiles(internal.hiddenTestsDir), "hidden").length,
      };
    }),
  );
}
