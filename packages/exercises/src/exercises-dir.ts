import { existsSync } from "node:fs";
import path from "node:path";

/** The folder holding pnpm-workspace.yaml, walking up from `from`. Inside Next.js the code runs
 * transpiled from .next, so import.meta.url does not point into the repository: start from the
 * working directory, or from a file of your own where that is stable (scripts, the grader). */
export function findWorkspaceRoot(from: string = process.cwd()): string {
  let dir = path.resolve(/*turbopackIgnore: true*/ from);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}: set EXERCISES_DIR and CONTENT_DIR`);
    dir = parent;
  }
}

/** The exercises folder: `configured` (the app's EXERCISES_DIR, read by its own config) made
 * absolute, else exercises/ in the repository found from `from`. Never reads the environment. */
export function resolveExercisesDir(options: { configured?: string; from?: string } = {}): string {
  if (options.configured) return path.resolve(/*turbopackIgnore: true*/ options.configured);
  return path.join(findWorkspaceRoot(options.from), "exercises");
}
