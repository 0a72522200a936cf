import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { createDb, eq, schema } from "@academy/db";
import { seedCohort, seedSubmission, seedUser } from "@academy/db/factories";

import { e2eStack } from "./stack";

const databaseUrl = `postgres://academy:academy@127.0.0.1:${e2eStack.databasePort}/academy`;

/**
 * A new cohort of the instructor's whose learners' only submissions of the exercise (its solution)
 * were graded against a version older than the one synced: what an instructor finds after the
 * exercise's tests changed. The UI cannot make an older version on purpose.
 */
export async function seedCohortOnOlderVersion(instructorEmail: string, exerciseId: string, learners: { name: string; score: number }[]) {
  const { db, pool } = createDb(databaseUrl, { max: 2 });
  try {
    const [instructor] = await db.select({ id: schema.user.id }).from(schema.user).where(eq(schema.user.email, instructorEmail));
    const content = await readFile(path.resolve(import.meta.dirname, "../../../exercises", exerciseId, "solution/main.py"), "utf8");
    const olderVersion = `e2e-older-${randomUUID()}`;
    await db.insert(schema.exerciseVersion).values({ id: `${exerciseId}@${olderVersion}`, exerciseId, contentHash: olderVersion });
    const users = [];
    for (const learner of learners) {
      const user = await seedUser(db, { name: learner.name });
      await seedSubmission(db, {
        userId: user.id,
        exerciseId,
        exerciseVersionId: `${exerciseId}@${olderVersion}`,
        files: [{ name: "main.py", content }],
        status: learner.score === 10 ? "passed" : "failed",
        score: learner.score,
        maxScore: 10,
        startedAt: new Date(),
        finishedAt: new Date(),
      });
      users.push(user);
    }
    const cohort = await seedCohort(db, { instructorId: instructor!.id, memberIds: users.map((user) => user.id), name: `Regrade cohort ${randomUUID().slice(0, 8)}` });
    return { cohortId: cohort.id, learnerIds: users.map((user) => user.id) };
  } finally {
    await pool.end();
  }
}
