import { createDb, eq, schema } from "@academy/db";
// The factories alone: the rest of @academy/db/testing is for vitest (createTestDb imports it).
import { seedCohort, seedSubmission } from "@academy/db/factories";

import { e2eStack } from "./stack";

// The embedded server's fixed credentials (packages/db/src/embedded.ts); it listens on 127.0.0.1 only.
const databaseUrl = `postgres://academy:academy@127.0.0.1:${e2eStack.databasePort}/academy`;
let connection: ReturnType<typeof createDb> | undefined;

/** The browser tests' own database, for a state the UI cannot make on purpose (a grader failure). */
function getDb() {
  connection ??= createDb(databaseUrl, { max: 2 });
  return connection.db;
}

export async function closeDb() {
  await connection?.pool.end();
  connection = undefined;
}

async function findUserId(email: string) {
  const [row] = await getDb().select({ id: schema.user.id }).from(schema.user).where(eq(schema.user.email, email));
  if (!row) throw new Error(`no account ${email} in the browser tests' database`);
  return row.id;
}

/** An attempt the grader could not run (its retries spent): status error, a message, and no report. */
export async function seedGraderFailure(email: string, exerciseId: string) {
  return seedSubmission(getDb(), {
    userId: await findUserId(email),
    exerciseId,
    status: "error",
    errorMessage: "The grader could not run your code. Your submission is saved: submit it again in a moment.",
    startedAt: new Date(),
    finishedAt: new Date(),
  });
}

/** A new cohort of the instructor's with these learners, as if they had joined by its invite. */
export async function seedCohortOf(instructorEmail: string, learnerEmails: string[], name: string) {
  const [instructorId, ...memberIds] = await Promise.all([instructorEmail, ...learnerEmails].map(findUserId));
  return seedCohort(getDb(), { instructorId: instructorId!, memberIds, name });
}
