// The contract entry, not the package's: this file is bundled into the web app's browser code.
import { FILE_NAME_PATTERN, submissionLimits, type ExerciseConfig } from "@academy/exercises/contract";

import { defaultLimits, type SandboxLimits } from "../config/limits";
import { SubmissionRejectedError } from "../errors";

export type SubmittedFile = { name: string; content: string | Uint8Array };
export type ValidFile = { name: string; content: Buffer };
export type FileRules = Pick<ExerciseConfig, "files" | "entrypoint" | "kind">;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function checkName(name: unknown, rules: FileRules): string {
  if (typeof name !== "string" || name.length === 0) throw new SubmissionRejectedError("a file has no name");
  const shown = JSON.stringify(name.slice(0, 80));
  if (name.startsWith("/")) throw new SubmissionRejectedError(`${shown} is an absolute path`, name);
  if (name.split(/[\\/]/).includes("..")) throw new SubmissionRejectedError(`${shown} leaves its folder (..)`, name);
  if (name.length > submissionLimits.maxFileNameLength || !FILE_NAME_PATTERN.test(name)) {
    throw new SubmissionRejectedError(`${shown} is not a valid file name (letters, digits, _ . - and /)`, name);
  }
  if (!rules.files.includes(name)) {
    throw new SubmissionRejectedError(`${shown} is not a file of this exercise (allowed: ${rules.files.join(", ")})`, name);
  }
  return name;
}

function checkContent(name: string, content: unknown, limits: SandboxLimits): Buffer {
  let bytes: Buffer;
  if (typeof content === "string") {
    bytes = Buffer.from(content, "utf8");
    if (bytes.toString("utf8") !== content) throw new SubmissionRejectedError(`${name} is not valid UTF-8 text`, name);
  } else if (content instanceof Uint8Array) {
    bytes = Buffer.from(content);
  } else {
    throw new SubmissionRejectedError(`${name} has no content`, name);
  }
  if (bytes.length > limits.maxFileKib * 1024) {
    throw new SubmissionRejectedError(`${name} is larger than ${limits.maxFileKib} KiB`, name);
  }
  try {
    utf8.decode(bytes);
  } catch {
    throw new SubmissionRejectedError(`${name} is not UTF-8 text`, name);
  }
  if (bytes.includes(0)) throw new SubmissionRejectedError(`${name} contains NUL bytes: only text files are accepted`, name);
  return bytes;
}

/** Checks a submission before any container exists; throws SubmissionRejectedError with a learner-readable message. */
export function validateSubmissionFiles(
  exercise: FileRules | { config: FileRules },
  files: readonly SubmittedFile[],
  limits: SandboxLimits = defaultLimits,
): ValidFile[] {
  const rules = "config" in exercise ? exercise.config : exercise;
  if (!Array.isArray(files) || files.length === 0) throw new SubmissionRejectedError("the submission has no files");
  if (files.length > limits.maxFiles) {
    throw new SubmissionRejectedError(`too many files: this exercise takes ${rules.files.join(", ")}`);
  }
  const seen = new Set<string>();
  let total = 0;
  const valid = files.map((file) => {
    const name = checkName(file?.name, rules);
    if (seen.has(name)) throw new SubmissionRejectedError(`${name} is submitted twice`, name);
    seen.add(name);
    const content = checkContent(name, file.content, limits);
    total += content.length;
    return { name, content };
  });
  if (total > limits.maxTotalKib * 1024) throw new SubmissionRejectedError(`the submission is larger than ${limits.maxTotalKib} KiB`);
  if (rules.kind === "implement" && !seen.has(rules.entrypoint)) {
    throw new SubmissionRejectedError(`the submission must include ${rules.entrypoint}`);
  }
  return valid;
}
