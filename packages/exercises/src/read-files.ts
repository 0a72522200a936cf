import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export type TextFile = { name: string; content: string };

/** Relative names (with "/") of every regular file under `dir`, sorted; [] when it is missing. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".pyc"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((name) => !name.split("/").includes("__pycache__"))
    .sort();
}

export async function readTextFiles(dir: string): Promise<TextFile[]> {
  const names = await listFiles(dir);
  return Promise.all(names.map(async (name) => ({ name, content: await readFile(path.join(dir, name), "utf8") })));
}
