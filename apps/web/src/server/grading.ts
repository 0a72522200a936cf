import "server-only";

import path from "node:path";

import type { GradingPorts } from "@academy/api";
import { createGradingPorts } from "@academy/api";

import { getEnv } from "~/env";
import { findRepoRoot } from "~/server/repo-root";

const globalForGrading = globalThis as unknown as { academyGrading?: Promise<GradingPorts> };

/** One queue sender and one LISTEN connection per server process. */
export function getGradingPorts(): Promise<GradingPorts> {
  globalForGrading.academyGrading ??= (async () => {
    const env = getEnv();
    const { ports } = await createGradingPorts({
      databaseUrl: env.DATABASE_URL,
      exercisesDir: env.EXERCISES_DIR ?? path.join(findRepoRoot(), "exercises"),
    });
    return ports;
  })().catch((error: unknown) => {
    globalForGrading.academyGrading = undefined;
    throw error;
  });
  return globalForGrading.academyGrading;
}
