import { existsSync } from "node:fs";
import path from "node:path";

/** The folder holding pnpm-workspace.yaml, walking up from the working directory. Inside Next.js
 * the code runs transpiled from .next, so import.meta.url does not point into the repository. */
export function findWorkspaceRoot(from: string = process.cwd()): string {
  let dir = path.resolve(/*turbopackIgnore: true*/ from);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}: set CONTENT_DIR to the curriculum folder`);
    dir = parent;
  }
}

/** CONTENT_DIR (the curriculum folder, or a folder holding curriculum/), else the repository's. */
export function resolveCurriculumDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CONTENT_DIR;
  if (configured) {
    const nested = path.resolve(configured, "curriculum");
    return existsSync(nested) ? nested : path.resolve(configured);
  }
  return path.join(findWorkspaceRoot(), "packages/content/curriculum");
}

/** EXERCISES_DIR, else the repository's exercises/ folder. */
export function resolveExercisesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.EXERCISES_DIR ? path.resolve(env.EXERCISES_DIR) : path.join(findWorkspaceRoot(), "exercises");
}
