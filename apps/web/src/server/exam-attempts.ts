import "server-only";

import type { ExamAttemptListener } from "@academy/services";
import { createExamAttemptListener } from "@academy/services";

import { getEnv } from "~/env";

const globalForExamAttempts = globalThis as unknown as { academyExamAttempts?: Promise<ExamAttemptListener> };

/** One LISTEN connection per server process for the instructors' live exam rosters. */
export function getExamAttemptListener(): Promise<ExamAttemptListener> {
  globalForExamAttempts.academyExamAttempts ??= createExamAttemptListener(getEnv().DATABASE_URL).catch((error: unknown) => {
    globalForExamAttempts.academyExamAttempts = undefined;
    throw error;
  });
  return globalForExamAttempts.academyExamAttempts;
}
