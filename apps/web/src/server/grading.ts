import "server-only";

import { resolveExercisesDir } from "@academy/exercises";
import type { GradingPorts } from "@academy/services";
import { createGradingPorts } from "@academy/services";

import { getEnv } from "~/env";

const globalForGrading = globalThis as unknown as { academyGrading?: Promise<GradingPorts> };

/** One queue sender and one LISTEN connection per server process. */
export function getGradingPorts(): Promise<GradingPorts> {
  globalForGrading.academyGrading ??= (async () => {
    const env = getEnv();
    const { ports } = await createGradingPorts({
      databaseUrl: env.DATABASE_URL,
      exercisesDir: resolveExercisesDir({ configured: env.EXERCISES_DIR }),
    });
    return ports;
  })().catch((error: unknown) => {
    globalForGrading.academyGrading = undefined;
    throw error;
  });
  return globalForGrading.academyGrading;
}
