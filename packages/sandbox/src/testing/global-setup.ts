import { assertDockerEngine, createDockerClient } from "../docker/client";
import { ensureGraderImage } from "../image/ensure-image";

export default async function setup(): Promise<void> {
  const docker = createDockerClient();
  await assertDockerEngine(docker);
  await ensureGraderImage({ docker, log: (line) => console.log(`[grader image] ${line}`) });
}
