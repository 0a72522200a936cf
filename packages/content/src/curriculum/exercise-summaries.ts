import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";

import { exerciseConfigSchema, resolveExercisesDir } from "@academy/exercises";

export type ExerciseSummary = { id: string; title: string; section: string; difficulty: "intro" | "core" | "advanced" };

const cache = new Map<string, ExerciseSummary[]>();

function readSummary(dir: string, name: string): ExerciseSummary | null {
  try {
    const parsed = exerciseConfigSchema.safeParse(parseYaml(readFileSync(path.join(dir, name, "exercise.yaml"), "utf8")));
    if (!parsed.success) return null;
    const { id, title, section, difficulty } = parsed.data;
    return { id, title, section, difficulty };
  } catch {
    // Not an exercise folder (or an unreadable one): the exercise loader's own checks report those.
    return null;
  }
}

/** id, title, section and difficulty of every exercise in the bank: what a lesson page links to. */
export function listExerciseSummaries(options: { dir?: string } = {}): ExerciseSummary[] {
  // Folders found at run time: the hint keeps Next.js file tracing from pulling in the whole repository.
  const dir = path.resolve(/*turbopackIgnore: true*/ options.dir ?? resolveExercisesDir());
  let summaries = cache.get(dir);
  if (!summaries) {
    const names = readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    summaries = names
      .map((name) => readSummary(dir, name))
      .filter((summary): summary is ExerciseSummary => summary !== null)
      .sort((a, b) => a.title.localeCompare(b.title));
    cache.set(dir, summaries);
  }
  return summaries;
}

export function listSectionExercises(sectionId: string, options: { dir?: string } = {}): ExerciseSummary[] {
  return listExerciseSummaries(options).filter((summary) => summary.section === sectionId);
}
