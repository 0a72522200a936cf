import Docker from "dockerode";

import { GradingUnavailableError } from "../errors";

/** A client for the engine at DOCKER_HOST, or the default socket. */
export function createDockerClient(): Docker {
  return new Docker();
}

function describeEngine(): string {
  return process.env.DOCKER_HOST ?? "unix:///var/run/docker.sock";
}

/** Fails with one clear line when no engine answers. */
export async function assertDockerEngine(docker: Docker): Promise<void> {
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("no answer within 5 s")), 5000).unref()),
    ]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GradingUnavailableError(`no Docker engine at ${describeEngine()} (${reason.split("\n")[0]})`);
  }
}
