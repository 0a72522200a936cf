import type { Db } from "@academy/db";
import { eq, schema } from "@academy/db";
import { createTestDb } from "@academy/db/testing";
import { createGradingPorts, syncExercises } from "@academy/services";
import { isFinalStatus } from "@academy/submission-lifecycle";

import { fixtureExercisesDir, waitFor } from "./grader-process";

/** A fresh database with the fixture exercises and a sender; `jobExpireInSeconds` is each job's expiry (the sender sets it). */
export async function openGradingDb(jobExpireInSeconds?: number) {
  const testDb = await createTestDb();
  await syncExercises(testDb.db, fixtureExercisesDir);
  const grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: fixtureExercisesDir, jobExpireInSeconds });
  return {
    ...testDb,
    ports: grading.ports,
    close: async () => {
      await grading.close();
      await testDb.close();
    },
  };
}

export type GradingDb = Awaited<ReturnType<typeof openGradingDb>>;

export async function readSubmission(db: Db, id: string) {
  const [row] = await db.select().from(schema.submission).where(eq(schema.submission.id, id));
  return row!;
}

/** The queue's jobs for a submission (one, unless something went wrong). */
export async function readJobs(db: Db, submissionId: string) {
  const { rows } = await db.$client.query<{ state: string; retry_count: number; retry_limit: number }>(
    "select state, retry_count, retry_limit from pgboss.job where data->>'submissionId' = $1",
    [submissionId],
  );
  return rows;
}

/** The submission once final; on a timeout, the error carries `context()` (the graders' logs). */
export function waitForFinal(db: Db, id: string, timeoutMs: number, context: () => string) {
  return waitFor(
    async () => {
      const row = await readSubmission(db, id);
      return isFinalStatus(row.status) ? row : undefined;
    },
    timeoutMs,
    "the grading to end",
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${context()}`);
  });
}
