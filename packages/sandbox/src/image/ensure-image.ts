import { spawn } from "node:child_process";
import path from "node:path";
import type Docker from "dockerode";

import { createDockerClient } from "../docker/client";
import { GradingUnavailableError } from "../errors";
import { computeGraderImageTag, GRADER_IMAGE_DIR } from "./image-tag";

async function hasImage(docker: Docker, tag: string): Promise<boolean> {
  return docker.getImage(tag).inspect().then(() => true, () => false);
}

/** The grader image's tag, when it is present; a clear error otherwise. */
export async function findGraderImage(docker: Docker): Promise<string> {
  const tag = await computeGraderImageTag();
  if (!(await hasImage(docker, tag))) {
    throw new GradingUnavailableError(`grader image ${tag} is missing: build it with pnpm grader:image`);
  }
  return tag;
}

function runBuilder(tag: string, log: (line: string) => void): Promise<void> {
  // Offline by default (debootstrap + docker import); GRADER_IMAGE_BUILDER=dockerfile where a registry is reachable.
  const useDockerfile = process.env.GRADER_IMAGE_BUILDER === "dockerfile";
  const [command, args] = useDockerfile
    ? ["docker", ["build", "--tag", tag, GRADER_IMAGE_DIR]]
    : ["bash", [path.join(GRADER_IMAGE_DIR, "build-offline.sh"), tag]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args as string[], { stdio: ["ignore", "pipe", "pipe"] });
    const forward = (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach(log);
    child.stdout.on("data", forward);
    child.stderr.on("data", forward);
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new GradingUnavailableError(`building the grader image ${tag} failed (exit ${code})`)),
    );
  });
}

let building: Promise<string> | null = null;

/** Builds the grader image when it is missing; fast (one inspect) when it is present. */
export async function ensureGraderImage(options: { docker?: Docker; log?: (line: string) => void } = {}): Promise<string> {
  const docker = options.docker ?? createDockerClient();
  const tag = await computeGraderImageTag();
  if (await hasImage(docker, tag)) return tag;
  building ??= runBuilder(tag, options.log ?? (() => undefined))
    .then(() => tag)
    .finally(() => {
      building = null;
    });
  await building;
  if (!(await hasImage(docker, tag))) throw new GradingUnavailableError(`the build did not produce ${tag}`);
  return tag;
}
