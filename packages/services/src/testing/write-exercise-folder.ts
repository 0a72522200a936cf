import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** Writes an exercise folder (relative name → content) under `root`, for tests that need one on disk. */
export async function writeExerciseFolder(root: string, id: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, id, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
