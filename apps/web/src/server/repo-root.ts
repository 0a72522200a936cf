import { existsSync } from "node:fs";
import path from "node:path";

/** The monorepo's root, found from the working directory: bundled server code has no reliable own path. */
export function findRepoRoot(start = process.cwd()) {
  let dir = path.resolve(start);
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${start}: set EXERCISES_DIR and CONTENT_DIR.`);
    dir = parent;
  }
  return dir;
}
