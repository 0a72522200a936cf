// pnpm grader:image — builds the grader image when missing (idempotent, one inspect when present).
import path from "node:path";

import { assertDockerEngine, createDockerClient } from "../docker/client";
import { ensureGraderImage } from "../image/ensure-image";
import { createBuildReporter } from "./build-progress";

const LOG_FILE = path.resolve(import.meta.dirname, "../../../../.data/logs/grader-image-build.log");

async function main(): Promise<void> {
  const docker = createDockerClient();
  await assertDockerEngine(docker);
  const startedAt = performance.now();
  const reporter = createBuildReporter({ out: process.stderr, logFile: LOG_FILE, startedAt });
  const tag = await ensureGraderImage({ docker, log: reporter.log }).catch((error: unknown) => {
    reporter.fail();
    throw error;
  });
  reporter.finish();
  const info = await docker.getImage(tag).inspect();
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stderr.write(`grader image ${tag} ready (${Math.round(info.Size / 1e6)} MB, ${seconds} s)\n`);
  process.stdout.write(`${tag}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`grader:image: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
  process.exit(1);
});
