import { asc, eq, schema, sql } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { storeGradingFailure, storeGradingResult } from "../submission/store-grading-result";
import { makeGradedReport } from "../testing/graded-report";
import { getCohortGradebook } from "./get-cohort-gradebook";

/**
 * learner_exercise_best against the submissions it summarises: after each write the grader makes,
 * its rows equal the cells computed afresh from the submission table (Submit, final, outside exams).
 */
describe("learner_exercise_best, kept as gradings are stored", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  const readSummary = (userId: string) =>
    testDb.db.select().from(schema.learnerExerciseBest).where(eq(schema.learnerExerciseBest.userId, userId)).orderBy(asc(schema.learnerExerciseBest.exerciseId));

  /** The same cells grouped from scratch off the submission table. */
  const recompute = async (userId: string) => {
    const result = await testDb.db.execute<{ exercise_id: string; attempts: number; best_score: string | null; best_submission_id: string; is_passed: boolean; last_activity_at: Date }>(sql`
      select s.exercise_id, count(*)::int as attempts, max(s.score)::text as best_score,
        (array_agg(s.id order by s.score desc nulls last, s.created_at, s.id))[1] as best_submission_id,
        bool_or(s.status = 'passed') as is_passed, max(s.created_at) as last_activity_at
      from submission s
      where s.user_id = ${userId} and s.mode = 'submit' and s.exam_attempt_id is null and s.status in ('passed', 'failed', 'error', 'timeout')
      group by s.exercise_id
      order by s.exercise_id`);
    return result.rows.map((row) => ({
      userId,
      exerciseId: row.exercise_id,
      attempts: row.attempts,
      bestScore: row.best_score === null ? null : Number(row.best_score),
      bestSubmissionId: row.best_submission_id,
      isPassed: row.is_passed,
      lastActivityAt: new Date(row.last_activity_at),
    }));
  };

  async function seedLearner() {
    const instructor = await seedUser(testDb.db, { role: "instructor" });
    const learner = await seedUser(testDb.db);
    const exercise = await seedExercise(testDb.db, { points: 10 });
    const cohort = await seedCohort(testDb.db, { instructorId: instructor.id, memberIds: [learner.id] });
    const queue = (createdAt: Date, mode: "submit" | "run-visible" = "submit") =>
      seedSubmission(testDb.db, { userId: learner.id, exerciseId: exercise.id, status: "queued", mode, createdAt });
    return { instructor, learner, exercise, cohort, queue };
  }
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));

  it("follows each stored grading, failure and removal, and the gradebook reads the same cells", async () => {
    const { instructor, learner, exercise, cohort, queue } = await seedLearner();
    const report = (score: number) => makeGradedReport({ exerciseId: exercise.id, status: score === 10 ? "passed" : "failed", score, maxScore: 10 });

    const first = await queue(at(1));
    expect(await readSummary(learner.id)).toEqual([]);
    await storeGradingResult(testDb.db, first.id, report(5.45));
    expect(await readSummary(learner.id)).toEqual([
      { userId: learner.id, exerciseId: exercise.id, attempts: 1, bestScore: 5.45, bestSubmissionId: first.id, isPassed: false, lastActivityAt: at(1) },
    ]);

    const better = await queue(at(2));
    await storeGradingResult(testDb.db, better.id, report(6.67));
    const worse = await queue(at(3));
    await storeGradingResult(testDb.db, worse.id, report(2.5));
    const failedToRun = await queue(at(4));
    await storeGradingFailure(testDb.db, failedToRun.id, "The grader could not start a container.");
    // Neither a visible-tests run nor a pending submission is an attempt.
    const run = await queue(at(5), "run-visible");
    await storeGradingResult(testDb.db, run.id, report(10));
    await queue(at(6));
    expect(await readSummary(learner.id)).toEqual([
      { userId: learner.id, exerciseId: exercise.id, attempts: 4, bestScore: 6.67, bestSubmissionId: better.id, isPassed: false, lastActivityAt: at(4) },
    ]);
    expect(await readSummary(learner.id)).toEqual(await recompute(learner.id));

    const gradebook = await getCohortGradebook(testDb.db, { cohortId: cohort.id, viewer: instructor });
    expect(gradebook.learners[0]!.cells).toEqual({
      [exercise.id]: { bestScore: 6.67, bestSubmissionId: better.id, attempts: 4, isPassed: false, lastActivityAt: at(4) },
    });

    // The best submission goes: the next best takes its place; the last one goes: so does the row.
    await testDb.db.delete(schema.submission).where(eq(schema.submission.id, better.id));
    expect(await readSummary(learner.id)).toMatchObject([{ attempts: 3, bestScore: 5.45, bestSubmissionId: first.id }]);
    expect(await readSummary(learner.id)).toEqual(await recompute(learner.id));
    await testDb.db.delete(schema.submission).where(eq(schema.submission.userId, learner.id));
    expect(await readSummary(learner.id)).toEqual([]);

    // A deleted account takes its submissions and its rows with it.
    await storeGradingResult(testDb.db, (await queue(at(7))).id, report(10));
    expect(await readSummary(learner.id)).toMatchObject([{ attempts: 1, bestScore: 10, isPassed: true }]);
    await testDb.db.delete(schema.user).where(eq(schema.user.id, learner.id));
    expect(await readSummary(learner.id)).toEqual([]);
  });

  it("counts both of two gradings of one learner stored at once, the second waiting for the first's commit", async () => {
    const { learner, exercise, queue } = await seedLearner();
    const [one, two] = [await queue(at(1)), await queue(at(2))];
    const report = makeGradedReport({ exerciseId: exercise.id, status: "failed", score: 3, maxScore: 10 });

    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    const firstStored = testDb.db.transaction(async (tx) => {
      await storeGradingResult(tx, one.id, report);
      await firstMayCommit;
    });
    // In this database only advisory locks of learner_exercise_best are taken.
    const countAdvisoryLocks = async (isGranted: boolean) => {
      const result = await testDb.db.execute<{ locks: number }>(sql`
        select count(*)::int as locks from pg_locks
        where locktype = 'advisory' and granted = ${isGranted} and database = (select oid from pg_database where datname = current_database())`);
      return result.rows[0]!.locks;
    };
    // Held on purpose: the first grading is written and holds its learner's lock, not yet committed.
    await expect.poll(() => countAdvisoryLocks(true), { timeout: 30_000, interval: 50 }).toBe(1);
    const secondStored = storeGradingResult(testDb.db, two.id, report);
    await expect.poll(() => countAdvisoryLocks(false), { timeout: 30_000, interval: 50 }).toBe(1);
    commitFirst();
    await Promise.all([firstStored, secondStored]);

    expect(await readSummary(learner.id)).toMatchObject([{ attempts: 2, bestScore: 3, bestSubmissionId: one.id }]);
    expect(await readSummary(learner.id)).toEqual(await recompute(learner.id));
  });
});
