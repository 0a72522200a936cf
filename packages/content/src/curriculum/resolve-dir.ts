import { existsSync } from "node:fs";
import path from "node:path";

import { findWorkspaceRoot } from "@academy/exercises";

/** CONTENT_DIR (the curriculum folder, or a folder holding curriculum/), else the repository's. */
export function resolveCurriculumDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CONTENT_DIR;
  if (configured) {
    const nested = path.resolve(configured, "curriculum");
    return existsSync(nested) ? nested : path.resolve(configured);
  }
  return path.join(findWorkspaceRoot(), "packages/content/curriculum");
}
