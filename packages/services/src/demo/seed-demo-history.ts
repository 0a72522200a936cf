import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { listSections } from "@academy/content";
import type { Db } from "@academy/db";
import { and, DEMO_COHORT_NAME, eq, schema, seedDemoData, sql } from "@academy/db";
import { seedUser } from "@academy/db/factories";

import { storeGradingResult } from "../submission/store-grading-result";
import { DEMO_LEARNER_PASSWORD, demoLearners, learnerProfiles, type DemoLearner } from "./demo-learners";
import { createRandom, planDemoHistory, type DemoHistory, type PlannedSection } from "./plan-demo-history";
import { seedDemoMockExam } from "./seed-demo-mock-exam";
import { readRecordedReports, type RecordedAttempt, type RecordedExercise, type RecordedReports } from "./recorded-reports";

const DAY_MS = 24 * 60 * 60 * 1000;

type Transaction = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The recorded exercises whose synced current version is the one they were graded against. Those on
 * offer whose version differs, or that were never recorded, are named in `skipped`; recordings of
 * exercises no longer on offer are passed over.
 */
async function findUsableRecordings(db: Db, recorded: RecordedReports) {
  const rows = await db
    .select({ id: schema.exercise.id, section: schema.exercise.section, files: schema.exercise.files, versionId: schema.exerciseVersion.id, contentHash: schema.exerciseVersion.contentHash })
    .from(schema.exercise)
    .innerJoin(schema.exerciseVersion, eq(schema.exerciseVersion.id, schema.exercise.currentVersionId))
    // Team-project templates are graded per team and milestone: no part of a solo learner's history.
    .where(and(eq(schema.exercise.isArchived, false), eq(schema.exercise.isTeamTemplate, false)));
  const synced = new Map(rows.map((row) => [row.id, row]));
  const usable: { recording: RecordedExercise; section: string; files: string[]; versionId: string }[] = [];
  const skipped: string[] = [];
  for (const recording of recorded.exercises) {
    const row = synced.get(recording.exerciseId);
    if (!row) continue;
    if (row.contentHash === recording.contentHash) usable.push({ recording, section: row.section, files: row.files, versionId: row.versionId });
    else skipped.push(recording.exerciseId);
  }
  const unrecorded = rows.filter((row) => !recorded.exercises.some((e) => e.exerciseId === row.id)).map((row) => row.id);
  return { usable, skipped: [...skipped, ...unrecorded].sort() };
}

/** A solution's or starter's files as in the exercise folder, which is the version they were graded in. */
async function readFolderFiles(exercisesDir: string, exerciseId: string, fileNames: string[], kind: RecordedAttempt["kind"]) {
  const folder = kind === "solution" ? "solution" : "starter";
  return Promise.all(fileNames.map(async (name) => ({ name, content: await readFile(path.join(exercisesDir, exerciseId, folder, name), "utf8") })));
}

async function hasActivity(db: Db, userId: string) {
  const result = await db.execute<{ has_activity: boolean }>(sql`select
    exists (select 1 from submission where user_id = ${userId})
    or exists (select 1 from quiz_attempt where user_id = ${userId})
    or exists (select 1 from lesson_progress where user_id = ${userId}) as has_activity`);
  return result.rows[0]?.has_activity ?? false;
}

/**
 * The learner's account, created when missing. The password is hashed once (a hash takes a good
 * fraction of a second) and the same credential row is given to every learner created after.
 */
function createLearnerEnsurer(db: Db) {
  let passwordHash: string | null = null;
  return async (learner: DemoLearner) => {
    const [existing] = await db.select({ id: schema.user.id }).from(schema.user).where(eq(schema.user.email, learner.email));
    if (existing) return existing;
    if (passwordHash === null) {
      const created = await seedUser(db, { name: learner.name, email: learner.email, role: "learner", password: DEMO_LEARNER_PASSWORD });
      const [credential] = await db.select({ password: schema.account.password }).from(schema.account).where(eq(schema.account.userId, created.id));
      passwordHash = credential!.password!;
      return created;
    }
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.insert(schema.user).values({ id, name: learner.name, email: learner.email, role: "learner", emailVerified: true });
      await tx.insert(schema.account).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash });
    });
    return { id };
  };
}

type FilesReader = (exerciseId: string, attempt: RecordedAttempt) => Promise<{ name: string; content: string }[]>;

/**
 * Writes one learner's history in one transaction. Each submission is stored as the grader stores
 * one: inserted pending, then its recorded report through storeGradingResult (status, score,
 * per-test results, report). Only its times are the history's rather than the moment of seeding.
 */
async function writeHistory(tx: Transaction, input: { userId: string; cohortId: string; history: DemoHistory; versionIds: Map<string, string>; readFiles: FilesReader }) {
  const { userId, history } = input;
  await tx.update(schema.user).set({ createdAt: history.joinedAt }).where(eq(schema.user.id, userId));
  await tx
    .insert(schema.cohortMembership)
    .values({ cohortId: input.cohortId, userId, role: "learner", joinedAt: history.joinedAt })
    .onConflictDoUpdate({ target: [schema.cohortMembership.cohortId, schema.cohortMembership.userId], set: { joinedAt: history.joinedAt } });
  if (history.lessonsRead.length > 0) {
    await tx.insert(schema.lessonProgress).values(history.lessonsRead.map((lesson) => ({ userId, ...lesson }))).onConflictDoNothing();
  }
  if (history.quizAttempts.length > 0) await tx.insert(schema.quizAttempt).values(history.quizAttempts.map((attempt) => ({ userId, ...attempt })));
  if (history.submissions.length === 0) return;
  const values = await Promise.all(
    history.submissions.map(async (planned) => ({
      id: randomUUID(),
      userId,
      exerciseId: planned.exerciseId,
      exerciseVersionId: input.versionIds.get(planned.exerciseId)!,
      status: "running" as const,
      files: await input.readFiles(planned.exerciseId, planned.attempt),
      createdAt: planned.createdAt,
      startedAt: new Date(planned.createdAt.getTime() + 400 + planned.attempt.report.timing.queuedMs),
    })),
  );
  await tx.insert(schema.submission).values(values);
  for (const [index, { id }] of values.entries()) await storeGradingResult(tx, id, history.submissions[index]!.attempt.report);
  // The grader stamps finishedAt at storing; a recorded grading finished when its run did.
  await tx
    .update(schema.submission)
    .set({ finishedAt: sql`${schema.submission.startedAt} + ((${schema.submission.report} -> 'timing' ->> 'totalMs')::int * interval '1 millisecond')` })
    .where(eq(schema.submission.userId, userId));
}

export type DemoHistorySummary = {
  learners: number;
  learnersSeeded: number;
  submissions: number;
  quizAttempts: number;
  lessonsRead: number;
  mockExams: number;
  /** Exercises left out of the history: changed since `pnpm demo:record`, or never recorded. */
  skippedExercises: string[];
};

/**
 * The demo cohort's four weeks: its 30 learners (strong, average, struggling and inactive ones),
 * their lessons read, quiz attempts, graded submissions and a few finished mock exams, from gradings recorded by
 * `pnpm demo:record` (nothing is graded here). Idempotent: a learner who already has any activity
 * is left as they are, so a second run adds nothing.
 */
export async function seedDemoHistory(db: Db, options: { exercisesDir: string; now?: Date; recorded?: RecordedReports }): Promise<DemoHistorySummary> {
  const now = options.now ?? new Date();
  await seedDemoData(db);
  const [cohort] = await db.select({ id: schema.cohort.id }).from(schema.cohort).where(eq(schema.cohort.name, DEMO_COHORT_NAME));
  const recorded = options.recorded ?? (await readRecordedReports());
  const { usable, skipped } = await findUsableRecordings(db, recorded);
  const versionIds = new Map(usable.map((u) => [u.recording.exerciseId, u.versionId]));
  const fileNames = new Map(usable.map((u) => [u.recording.exerciseId, u.files]));
  const usableById = new Map(usable.map((u) => [u.recording.exerciseId, u]));
  const sections: PlannedSection[] = listSections().map((section) => ({
    id: section.id,
    quiz: section.quiz,
    exercises: usable.filter((u) => u.section === section.id).map((u) => u.recording),
  }));
  const folderFiles = new Map<string, ReturnType<FilesReader>>();
  const readFiles: FilesReader = (exerciseId, attempt) => {
    if (attempt.files) return Promise.resolve(attempt.files);
    const key = `${exerciseId}/${attempt.kind}`;
    if (!folderFiles.has(key)) folderFiles.set(key, readFolderFiles(options.exercisesDir, exerciseId, fileNames.get(exerciseId)!, attempt.kind));
    return folderFiles.get(key)!;
  };
  const summary: DemoHistorySummary = { learners: demoLearners.length, learnersSeeded: 0, submissions: 0, quizAttempts: 0, lessonsRead: 0, mockExams: 0, skippedExercises: skipped };
  const ensureLearner = createLearnerEnsurer(db);
  const learnerIds: string[] = [];
  for (const learner of demoLearners) learnerIds.push((await ensureLearner(learner)).id);
  // Two learners at a time: each is its own transaction on its own connection.
  let next = 0;
  const seedNext = async (): Promise<void> => {
    const index = next++;
    if (index >= demoLearners.length) return;
    const userId = learnerIds[index]!;
    const learner = demoLearners[index]!;
    if (!(await hasActivity(db, userId))) {
      const history = planDemoHistory({ sections, profile: learnerProfiles[learner.profile], random: createRandom(learner.email), now });
      await db.transaction((tx) => writeHistory(tx, { userId, cohortId: cohort!.id, history, versionIds, readFiles }));
      if (learner.sitsMockExam && history.submissions.length > 0) {
        const random = createRandom(`${learner.email} mock exam`);
        const lastSubmittedAt = Math.max(...history.submissions.map((submission) => submission.createdAt.getTime()));
        const sittingAt = new Date(Math.max(history.joinedAt.getTime(), lastSubmittedAt - (1 + random() * 2) * DAY_MS));
        const profile = learnerProfiles[learner.profile];
        if (await seedDemoMockExam(db, { userId, sittingAt, skill: profile.quizSkill, random, recordings: { exercises: usableById, readFiles } })) summary.mockExams++;
      }
      summary.learnersSeeded++;
      summary.submissions += history.submissions.length;
      summary.quizAttempts += history.quizAttempts.length;
      summary.lessonsRead += history.lessonsRead.length;
    }
    return seedNext();
  };
  await Promise.all([seedNext(), seedNext()]);
  return summary;
}

