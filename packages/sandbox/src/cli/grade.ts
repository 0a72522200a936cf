// pnpm grade <exercise-dir> <submission-dir> [--json]
// Exit 0 whenever a report was produced; otherwise one line on stderr and a non-zero status.
import { loadExercise } from "@academy/exercises";

import { defaultLimits } from "../config/limits";
import { createDockerClient } from "../docker/client";
import { removeLeftoverContainers } from "../docker/leftovers";
import { gradeSubmission } from "../grade-submission";
import { formatReport } from "../report/format-report";
import { readSubmissionDir } from "../submission/read-submission-dir";
import { resolveFromInvocation } from "./resolve-arg";

const USAGE = "usage: pnpm grade <exercise-dir> <submission-dir> [--json]";

async function main(argv: string[]): Promise<number> {
  const isJson = argv.includes("--json");
  const positional = argv.filter((arg) => !arg.startsWith("--"));
  const [exerciseArg, submissionArg] = positional;
  if (!exerciseArg || !submissionArg || positional.length !== 2 || argv.some((a) => a.startsWith("--") && a !== "--json")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const exerciseDir = resolveFromInvocation(exerciseArg);
  await loadExercise(exerciseDir);
  const files = await readSubmissionDir(resolveFromInvocation(submissionArg), defaultLimits.maxFiles);
  const docker = createDockerClient();
  await removeLeftoverContainers({ docker }).catch(() => 0);
  const report = await gradeSubmission({ exerciseDir, files, docker });
  process.stdout.write(isJson ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
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
