// pnpm bench:cohort: the server time of every cohort dashboard procedure (each cohort query of the
// API), called through the real tRPC caller as the cohort's instructor, on its own embedded
// PostgreSQL seeded with 200 learners × 40 exercises × 5 attempts (quizzes, lessons read and a mock
// exam each), beside a second cohort as large.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { appRouter, createCaller, createContextInner } from "@academy/api";
import { listChapters } from "@academy/content";
import type { Db } from "@academy/db";
import { createDb, runMigrations, schema, sql } from "@academy/db";
import { startEmbeddedPostgres } from "@academy/db/embedded";
import { findFreePort, seedCohort, seedExercise, seedUser } from "@academy/db/testing";
import { ensureMockExam } from "@academy/services";

const LEARNERS = 200;
const EXERCISES = 40;
const ATTEMPTS = 5;
const WARM_UP_CALLS = 5;
const TIMED_CALLS = 30;
const POINTS = 10;
const EXAM_QUESTIONS = 40;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const seconds = (startedAt: number) => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;

async function insertLearners(db: Db, label: string) {
  const result = await db.execute<{ id: string }>(sql`
    insert into "user" (id, name, email, email_verified, role)
    select gen_random_uuid()::text, ${label} || ' learner ' || lpad(g::text, 3, '0'), lower(${label}) || '-learner-' || g || '@bench.test', true, 'learner'
    from generate_series(1, ${LEARNERS}::int) g
    returning id`);
  return result.rows.map((row) => row.id);
}

/**
 * Each learner works through the exercises in order over about eight weeks (the last ones this
 * week), five final Submit attempts each, getting better with each attempt: 5-15 tests, the
 * hardest (last) ones failing, a fractional score of points × passed / tests, and an error (every
 * test erroring, score 0) about one attempt in twelve. The report holds the tests as the grader's
 * does, and the test_result rows are made from it.
 */
async function insertSubmissions(db: Db, cohortId: string) {
  await db.execute(sql`
    insert into submission (user_id, exercise_id, exercise_version_id, mode, status, files, score, max_score, report, created_at, started_at, finished_at)
    select p.user_id, p.exercise_id, p.current_version_id, 'submit', p.status::submission_status,
      jsonb_build_array(jsonb_build_object('name', 'main.py', 'content',
        'from fastapi import FastAPI, HTTPException' || chr(10) || chr(10) || 'app = FastAPI()' || chr(10) || repeat('# attempt ' || p.attempt || chr(10), 20))),
      p.score, ${POINTS},
      jsonb_build_object('version', 1, 'exerciseId', p.exercise_id, 'status', p.status, 'score', p.score, 'maxScore', ${POINTS}::int, 'scope', 'all', 'output', '',
        'tests', (select jsonb_agg(jsonb_build_object(
            'name', 'test_case_' || t,
            'visibility', case when t <= 3 then 'visible' else 'hidden' end,
            'status', case when p.status = 'error' then 'error' when t <= p.passed then 'passed' else 'failed' end,
            'durationMs', 3 + (t * 7) % 40,
            'message', case when p.status = 'error' then 'ImportError: cannot import name ''app'' from ''main'''
                            when t <= p.passed then null
                            when t % 3 = 0 then 'assert 404 == 200'
                            when t % 3 = 1 then 'KeyError: ''id'''
                            else 'AssertionError: assert {''detail'': ''Not Found''} == {''id'': 1}' end) order by t)
          from generate_series(1, p.test_count) t)),
      p.created_at, p.created_at + interval '2 seconds', p.created_at + interval '4 seconds'
    from (
      select a.*,
        case when a.is_error then 'error' when a.passed_guess >= a.test_count then 'passed' else 'failed' end as status,
        case when a.is_error then 0 else round(${POINTS}::numeric * least(a.passed_guess, a.test_count) / a.test_count, 2) end as score,
        case when a.is_error then 0 else least(a.passed_guess, a.test_count) end as passed
      from (
        select l.user_id, e.id as exercise_id, e.current_version_id, n.attempt, e.test_count,
          random() < 0.08 as is_error,
          greatest(0, round(e.test_count * least(1, l.skill + (n.attempt - 1) * 0.12 + (random() - 0.5) * 0.3)))::int as passed_guess,
          now() - ((${EXERCISES}::int - e.ord) * 1.3 + l.pace * 3 - n.attempt * 0.1 + random() * 0.05) * interval '1 day' as created_at
        from (select user_id, 0.25 + random() * 0.6 as skill, random() as pace from cohort_membership where cohort_id = ${cohortId} and role = 'learner') l
        cross join (select id, current_version_id, row_number() over (order by section, id) as ord, 5 + (abs(hashtext(id)) % 11) as test_count from exercise) e
        cross join generate_series(1, ${ATTEMPTS}::int) n(attempt)
      ) a
    ) p`);
  await db.execute(sql`
    insert into test_result (submission_id, position, name, visibility, status, duration_ms, message)
    select s.id, t.position - 1, t.test->>'name', (t.test->>'visibility')::test_visibility, (t.test->>'status')::test_status,
      (t.test->>'durationMs')::int, t.test->>'message'
    from submission s
    join cohort_membership m on m.user_id = s.user_id and m.cohort_id = ${cohortId} and m.role = 'learner'
    cross join jsonb_array_elements(s.report->'tests') with ordinality t(test, position)`);
}

/** Quizzes of chapters 1-9 (one or two attempts of 5-8 questions) and lessons read in chapters 1-10. */
async function insertQuizzesAndLessons(db: Db, cohortId: string) {
  await db.execute(sql`
    insert into quiz_attempt (user_id, section_id, answers, score, max_score, created_at)
    select m.user_id, c || '.' || s, '{}'::jsonb, q.max_score - floor(random() * 4)::int, q.max_score, now() - (60 - c * 6 - s + random()) * interval '1 day'
    from cohort_membership m
    cross join generate_series(1, 9) c
    cross join generate_series(1, 3) s
    cross join generate_series(1, 2) attempt
    cross join lateral (select 5 + (c + s) % 4 as max_score) q
    where m.cohort_id = ${cohortId} and m.role = 'learner' and (attempt = 1 or random() < 0.4) and random() < 0.85`);
  await db.execute(sql`
    insert into lesson_progress (user_id, section_id, read_at)
    select m.user_id, c || '.' || s, now() - (62 - c * 6 - s + random()) * interval '1 day'
    from cohort_membership m
    cross join generate_series(1, 10) c
    cross join generate_series(1, 6) s
    where m.cohort_id = ${cohortId} and m.role = 'learner' and random() < 0.8`);
}

/**
 * One submitted mock exam per learner: 40 questions drawn from every quiz, each answered right with
 * a chance that varies by learner, Part A scored and split by chapter as the exam grader stores it.
 */
async function insertExamAttempts(db: Db, cohortId: string) {
  const exam = await ensureMockExam(db);
  const pool = listChapters().flatMap((chapter) => chapter.sections.flatMap((section) => section.quiz.questions.map((question) => ({ chapter: chapter.number, question }))));
  const learners = await db.execute<{ user_id: string }>(sql`select user_id from cohort_membership where cohort_id = ${cohortId} and role = 'learner'`);
  const submittedAt = new Date(Date.now() - 3 * 86_400_000);
  const rows = learners.rows.map(({ user_id: userId }) => {
    const skill = 0.4 + Math.random() * 0.5;
    const drawn = [...pool].sort(() => Math.random() - 0.5).slice(0, EXAM_QUESTIONS);
    const chapters = new Map<number, { chapter: number; score: number; maxScore: number }>();
    const answers: Record<string, { choiceIds: string[]; savedAt: string }> = {};
    for (const { chapter, question } of drawn) {
      const isRight = Math.random() < skill;
      const wrong = question.choices.find((choice) => !question.answer.includes(choice.id))!.id;
      answers[question.id] = { choiceIds: isRight ? question.answer : [wrong], savedAt: submittedAt.toISOString() };
      const score = chapters.get(chapter) ?? { chapter, score: 0, maxScore: 0 };
      score.maxScore += 1;
      score.score += isRight ? 1 : 0;
      chapters.set(chapter, score);
    }
    const partAChapters = [...chapters.values()].sort((a, b) => a.chapter - b.chapter);
    return {
      examId: exam.id,
      userId,
      status: "submitted" as const,
      seed: "bench",
      questionIds: drawn.map(({ question }) => question.id),
      choiceOrders: {},
      exerciseIds: [],
      answers,
      partAScore: partAChapters.reduce((sum, chapter) => sum + chapter.score, 0),
      partAMaxScore: drawn.length,
      partAChapters,
      startedAt: new Date(submittedAt.getTime() - 80 * 60_000),
      deadlineAt: new Date(submittedAt.getTime() + 10 * 60_000),
      submittedAt,
    };
  });
  await db.insert(schema.examAttempt).values(rows);
}

async function seedCohortWithHistory(db: Db, label: string) {
  const instructor = await seedUser(db, { name: `${label} instructor`, role: "instructor" });
  const learnerIds = await insertLearners(db, label);
  const cohort = await seedCohort(db, { instructorId: instructor.id, name: `${label} cohort`, memberIds: learnerIds });
  await insertSubmissions(db, cohort.id);
  await insertQuizzesAndLessons(db, cohort.id);
  await insertExamAttempts(db, cohort.id);
  return { instructor, cohort };
}

async function countRows(db: Db) {
  const result = await db.execute<{ submissions: number; tests: number; quizzes: number; lessons: number; exams: number }>(sql`
    select (select count(*) from submission)::int as submissions, (select count(*) from test_result)::int as tests,
      (select count(*) from quiz_attempt)::int as quizzes, (select count(*) from lesson_progress)::int as lessons,
      (select count(*) from exam_attempt)::int as exams`);
  return result.rows[0]!;
}

/** What the drill-downs open: a learner in the middle of the roster, a middle exercise, that learner's latest submission of it. */
async function pickSample(db: Db, cohortId: string) {
  const result = await db.execute<{ learner_id: string; exercise_id: string; submission_id: string }>(sql`
    select s.user_id as learner_id, s.exercise_id, s.id as submission_id
    from submission s
    join cohort_membership m on m.user_id = s.user_id and m.cohort_id = ${cohortId} and m.role = 'learner'
    where s.exercise_id = ${`bench-exercise-${String(EXERCISES / 2).padStart(2, "0")}`}
    order by s.user_id, s.created_at desc
    limit 1`);
  const row = result.rows[0]!;
  return { learnerId: row.learner_id, exerciseId: row.exercise_id, submissionId: row.submission_id };
}

/** The cohort's query procedures as the API defines them, so one added later is measured too. */
function listCohortQueries() {
  // At run time tRPC keeps them flat, keyed by their dotted path.
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
  const names = Object.entries(procedures)
    .filter(([name, procedure]) => name.startsWith("cohort.") && procedure._def.type === "query")
    .map(([name]) => name.slice("cohort.".length));
  // BENCH_COHORT_ONLY=gradebook,exportGradebookCsv measures just those, to iterate on one.
  const only = process.env.BENCH_COHORT_ONLY?.split(",").filter(Boolean);
  return only ? names.filter((name) => only.includes(name)) : names;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-cohort-pg-"));
  chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await findFreePort(), isPersistent: false });
  await pg.createDatabase("bench");
  const { db, pool } = createDb(pg.connectionStringFor("bench"));
  try {
    await runMigrations(db);
    const seedingStarted = performance.now();
    for (let i = 0; i < EXERCISES; i++) {
      await seedExercise(db, { id: `bench-exercise-${String(i + 1).padStart(2, "0")}`, section: `${2 + Math.floor(i / 5)}.${(i % 5) + 1}`, points: POINTS });
    }
    // The other cohort first, so the measured cohort's rows are not simply the table's last ones.
    await seedCohortWithHistory(db, "Other");
    const { instructor, cohort } = await seedCohortWithHistory(db, "Measured");
    // As a database that has been running would have after autovacuum: planner statistics up to
    // date and the visibility map set, so the covering index's reads stay index-only.
    await db.execute(sql`vacuum analyze`);
    const rows = await countRows(db);
    console.log(
      `seeded 2 cohorts in ${seconds(seedingStarted)}: ${rows.submissions} submissions, ${rows.tests} test results, ${rows.quizzes} quiz attempts, ${rows.lessons} lessons read, ${rows.exams} mock exams`,
    );

    const caller = createCaller(createContextInner({ db, grading: null, user: { id: instructor.id, name: instructor.name, email: instructor.email, role: "instructor" } }));
    const procedures = caller.cohort as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
    const sample = await pickSample(db, cohort.id);
    const byCohort = { cohortId: cohort.id };
    const inputs: Record<string, unknown> = {
      list: undefined,
      exerciseResults: { ...byCohort, exerciseId: sample.exerciseId },
      exportExerciseResultsCsv: { ...byCohort, exerciseId: sample.exerciseId },
      learnerActivity: { ...byCohort, learnerId: sample.learnerId },
      submission: { ...byCohort, submissionId: sample.submissionId },
    };
    const p95s = [];
    const queries = listCohortQueries();
    for (const name of queries) {
      const call = () => procedures[name]!(name in inputs ? inputs[name] : byCohort);
      for (let i = 0; i < WARM_UP_CALLS; i++) await call();
      const timings: number[] = [];
      let result: unknown;
      for (let i = 0; i < TIMED_CALLS; i++) {
        const started = performance.now();
        result = await call();
        timings.push(performance.now() - started);
      }
      // Measured once, after the timed calls, so its garbage is not collected inside them.
      const payloadBytes = JSON.stringify(result).length;
      const p50 = percentile(timings, 50);
      const p95 = percentile(timings, 95);
      console.log(`cohort.${name.padEnd(24)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${Math.round(payloadBytes / 1024)} KB as JSON)`);
      p95s.push(p95);
    }
    console.log(`cohort dashboard p95 ${Math.round(Math.max(...p95s))} ms (${LEARNERS} learners, ${EXERCISES} exercises, ${LEARNERS * EXERCISES * ATTEMPTS} submissions)`);
  } finally {
    await pool.end();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  // Drizzle's error names the query; PostgreSQL's reason is its cause.
  console.error("bench:cohort:", error instanceof Error && error.cause ? error.cause : error);
  process.exitCode = 1;
});
