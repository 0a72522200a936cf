import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { SubmissionRejectedError } from "../errors";
import type { SubmittedFile } from "./validate-files";

/** Reads a submission folder for the CLI: regular files only (links are refused, never followed). */
export async function readSubmissionDir(dir: string, maxFiles: number): Promise<SubmittedFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: SubmittedFile[] = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const name = path.relative(dir, full).split(path.sep).join("/");
    if (name.split("/").includes("__pycache__")) continue;
    const info = await lstat(full);
    if (info.isSymbolicLink()) throw new SubmissionRejectedError(`${name} is a symbolic link: submit the file itself`, name);
    if (info.isDirectory()) continue;
    if (!info.isFile()) throw new SubmissionRejectedError(`${name} is not a regular file`, name);
    if (files.length >= maxFiles) throw new SubmissionRejectedError(`too many files in ${dir}`);
    files.push({ name, content: await readFile(full) });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
