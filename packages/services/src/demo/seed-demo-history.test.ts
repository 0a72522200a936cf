import { count, DEMO_COHORT_NAME, demoAccounts, eq, isNotNull, schema, sql } from "@academy/db";
import { createTestDb } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getCohortGradebook } from "../cohort/get-cohort-gradebook";
import { syncExercises } from "../exercise/sync-exercises";
import { repoExercisesDir } from "../testing";
import { demoLearners } from "./demo-learners";
import { findStaleRecordings } from "./find-stale-recordings";
import { readRecordedReports } from "./recorded-reports";
import { seedDemoHistory } from "./seed-demo-history";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("the recorded demo gradings", () => {
  it("were recorded against the exercise folders as they are now", async () => {
    const stale = await findStaleRecordings(await readRecordedReports(), repoExercisesDir);
    expect(stale.exerciseIds, stale.describe().join("\n")).toEqual([]);
  });
});

describe("seedDemoHistory", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  const now = new Date("2026-11-20T15:00:00Z");

  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
  });
  afterAll(() => testDb.close());

  async function countRows() {
    const { db } = testDb;
    const [submissions] = await db.select({ n: count() }).from(schema.submission);
    const [testResults] = await db.select({ n: count() }).from(schema.testResult);
    const [quizAttempts] = await db.select({ n: count() }).from(schema.quizAttempt);
    const [lessonsRead] = await db.select({ n: count() }).from(schema.lessonProgress);
    const [users] = await db.select({ n: count() }).from(schema.user);
    return { submissions: submissions!.n, testResults: testResults!.n, quizAttempts: quizAttempts!.n, lessonsRead: lessonsRead!.n, users: users!.n };
  }

  it("gives an empty database 30 learners with graded submissions, quizzes and lessons spread over four weeks, and a second run adds nothing", async () => {
    const { db } = testDb;
    const first = await seedDemoHistory(db, { exercisesDir: repoExercisesDir, now });
    expect(first.skippedExercises).toEqual([]);
    expect(first.learnersSeeded).toBe(30);
    const rows = await countRows();
    const [examSubmissions] = await db.select({ n: count() }).from(schema.submission).where(isNotNull(schema.submission.examAttemptId));
    expect(rows).toMatchObject({ submissions: first.submissions + examSubmissions!.n, quizAttempts: first.quizAttempts, lessonsRead: first.lessonsRead, users: 31 });
    expect(rows.submissions).toBeGreaterThan(300);
    expect(rows.testResults).toBeGreaterThan(rows.submissions * 5);
    expect(rows.quizAttempts).toBeGreaterThan(200);
    expect(rows.lessonsRead).toBeGreaterThan(300);

    const byStatus = await db.select({ status: schema.submission.status, n: count() }).from(schema.submission).groupBy(schema.submission.status);
    const statuses = Object.fromEntries(byStatus.map((row) => [row.status, row.n]));
    expect(Object.keys(statuses).sort()).toEqual(["error", "failed", "passed"]);
    const [partials] = await db
      .select({ n: count() })
      .from(schema.submission)
      .where(sql`${schema.submission.status} = 'failed' and ${schema.submission.score} > 0 and ${schema.submission.score} < ${schema.submission.maxScore}`);
    expect(partials!.n).toBeGreaterThan(20);

    // Stored as the grader stores results: the report, and one test_result row per test in it.
    const mismatched = await db.execute(sql`select s.id from submission s
      where jsonb_array_length(s.report -> 'tests') <> (select count(*) from test_result t where t.submission_id = s.id)
        or s.score <> (s.report ->> 'score')::numeric or s.finished_at is null or s.finished_at < s.created_at`);
    expect(mismatched.rows).toEqual([]);

    const [span] = await db.execute<{ first: Date; last: Date }>(sql`select min(created_at) as first, max(created_at) as last from submission`).then((r) => r.rows);
    expect(now.getTime() - new Date(span!.first).getTime()).toBeGreaterThan(20 * DAY_MS);
    expect(new Date(span!.last).getTime()).toBeLessThan(now.getTime());

    // The mock exams went through the exam services: submitted, Part A graded, Part B's gradings settled into a score.
    const exams = await db
      .select({ status: schema.examAttempt.status, score: schema.examAttempt.score, partAScore: schema.examAttempt.partAScore, startedAt: schema.examAttempt.startedAt })
      .from(schema.examAttempt);
    expect(first.mockExams).toBe(demoLearners.filter((l) => l.sitsMockExam).length);
    expect(exams).toHaveLength(first.mockExams);
    for (const exam of exams) {
      expect(exam).toMatchObject({ status: "submitted", score: expect.any(Number), partAScore: expect.any(Number) });
      expect(exam.startedAt.getTime()).toBeLessThan(now.getTime());
    }

    const second = await seedDemoHistory(db, { exercisesDir: repoExercisesDir, now });
    expect(second.learnersSeeded).toBe(0);
    expect(await countRows()).toEqual(rows);
  });

  it("gives the instructor a populated gradebook with strong, struggling and inactive learners", async () => {
    const { db } = testDb;
    const [instructor] = await db.select({ id: schema.user.id }).from(schema.user).where(eq(schema.user.email, demoAccounts.instructor.email));
    const [cohort] = await db.select({ id: schema.cohort.id }).from(schema.cohort).where(eq(schema.cohort.name, DEMO_COHORT_NAME));
    const gradebook = await getCohortGradebook(db, { cohortId: cohort!.id, viewer: { id: instructor!.id, role: "instructor" } });
    expect(gradebook.learners.map((l) => l.email).sort()).toEqual(demoLearners.map((l) => l.email).sort());
    expect(gradebook.exercises.length).toBeGreaterThanOrEqual(35);
    expect(gradebook.learners.every((learner) => learner.totals.attempts > 0)).toBe(true);
    const progress = (email: string) => gradebook.learners.find((l) => l.email === email)!.totals.progressPercent;
    const byProfile = (profile: string) => demoLearners.filter((l) => l.profile === profile).map((l) => progress(l.email));
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(byProfile("strong"))).toBeGreaterThan(mean(byProfile("average")));
    expect(mean(byProfile("average"))).toBeGreaterThan(mean(byProfile("struggling")));
    const idleDays = gradebook.learners.map((l) => (now.getTime() - l.totals.lastActivityAt!.getTime()) / DAY_MS);
    expect(idleDays.filter((days) => days > 10).length).toBeGreaterThanOrEqual(3);
    expect(idleDays.filter((days) => days < 7).length).toBeGreaterThanOrEqual(15);
  });
});
