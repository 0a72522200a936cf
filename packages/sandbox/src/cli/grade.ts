// pnpm grade <exercise-dir> <submission-dir> [--json] [--milestone <key>]
// Exit 0 whenever a report was produced; otherwise one line on stderr and a non-zero status.
import { parseArgs } from "node:util";

import { loadExercise } from "@academy/exercises";

import { defaultLimits } from "../config/limits";
import { createDockerClient } from "../docker/client";
import { removeLeftoverContainers } from "../docker/leftovers";
import { gradeSubmission } from "../grade-submission";
import { formatReport } from "../report/format-report";
import { readSubmissionDir } from "../submission/read-submission-dir";
import { resolveFromInvocation } from "./resolve-arg";

const USAGE = "usage: pnpm grade <exercise-dir> <submission-dir> [--json] [--milestone <key>]";

function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean" }, milestone: { type: "string" } } });
  } catch {
    return null;
  }
}

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  const [exerciseArg, submissionArg] = args?.positionals ?? [];
  if (!args || !exerciseArg || !submissionArg || args.positionals.length !== 2) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const exerciseDir = resolveFromInvocation(exerciseArg);
  await loadExercise(exerciseDir);
  const files = await readSubmissionDir(resolveFromInvocation(submissionArg), defaultLimits.maxFiles);
  const docker = createDockerClient();
  await removeLeftoverContainers({ docker }).catch(() => 0);
  const report = await gradeSubmission({ exerciseDir, files, docker, milestone: args.values.milestone });
  process.stdout.write(args.values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
    process.stderr.write(`grade: ${message.split("\n")[0]}\n`);
    process.exit(1);
  },
);
