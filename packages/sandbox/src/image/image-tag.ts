import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const GRADER_IMAGE_DIR = fileURLToPath(new URL("../../../../docker/grader-image", import.meta.url));
export const GRADER_IMAGE_REPOSITORY = "academy-grader";

async function imageInputs(): Promise<string[]> {
  const entries = await readdir(GRADER_IMAGE_DIR, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(GRADER_IMAGE_DIR, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((name) => !name.includes("__pycache__") && !name.endsWith(".pyc"))
    .sort();
}

/** academy-grader:<first 12 hex of sha256 over packages.txt, the runner and the builders>. */
export async function computeGraderImageTag(): Promise<string> {
  const hash = createHash("sha256");
  for (const name of await imageInputs()) {
    const content = await readFile(path.join(GRADER_IMAGE_DIR, name));
    hash.update(`${name}\0${content.length}\0`).update(content);
  }
  return `${GRADER_IMAGE_REPOSITORY}:${hash.digest("hex").slice(0, 12)}`;
}
