import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { examBlueprint, getSection, type QuizQuestion } from "@academy/content";
import { eq, schema, sql } from "@academy/db";
import { createTestDb, seedUser } from "@academy/db/testing";
import { createGradingPorts, expireOverdueAttempts, markRunning, storeGradingResult, syncExercises } from "@academy/services";
import { makeGradedReport, repoExercisesDir } from "@academy/services/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { createContextInner } from "../trpc";

function findQuestion(id: string): QuizQuestion {
  return getSection(id.slice(0, id.indexOf("-")))!.quiz.questions.find((q) => q.id === id)!;
}

async function readStarter(exerciseId: string) {
  const dir = path.join(repoExercisesDir, exerciseId, "starter");
  const names = await readdir(dir);
  return Promise.all(names.map(async (name) => ({ name, content: await readFile(path.join(dir, name), "utf8") })));
}

const serialize = (response: unknown) => JSON.stringify(superjson.serialize(response).json);
const roundToHundredths = (value: number) => Math.round(value * 100) / 100;

describe("mock exam Part B, scoring and results", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir });
  });
  afterAll(async () => {
    await grading?.close();
    await testDb?.close();
  });

  async function startLearner(mockExam?: { durationMinutes: number }) {
    const learner = await seedUser(testDb.db);
    const caller = createCaller(createContextInner({ db: testDb.db, user: { ...learner, role: "learner" }, grading: grading.ports, mockExam }));
    const started = await caller.exam.startMock();
    const attempt = await caller.exam.getAttempt({ attemptId: started.attemptId });
    return { learner, caller, started, attempt, attemptId: started.attemptId };
  }

  /**
   * Moves the attempt's deadline to now, as the clock would. Cut to milliseconds, as the server's
   * clock keeps no more: Postgres's microseconds could put the deadline just ahead of it.
   */
  const passDeadline = (attemptId: string) =>
    testDb.db.update(schema.examAttempt).set({ deadlineAt: sql`date_trunc('milliseconds', now())` }).where(eq(schema.examAttempt.id, attemptId));

  /** Grades a submission the grader's way: running, then the report stored (and announced) in one transaction. */
  async function grade(submissionId: string, exerciseId: string, score: number) {
    expect(await markRunning(testDb.db, submissionId)).toBe(true);
    expect(await storeGradingResult(testDb.db, submissionId, makeGradedReport({ exerciseId, score, status: score === 10 ? "passed" : "failed" }))).toBe(true);
  }

  it("takes the mock exam's duration from the configuration, and a second start returns the same attempt", async () => {
    const { caller, started, attempt } = await startLearner({ durationMinutes: 3 });
    expect(started.deadlineAt.getTime() - attempt.startedAt.getTime()).toBe(3 * 60_000);
    const again = await caller.exam.startMock();
    expect(again).toEqual({ attemptId: started.attemptId, deadlineAt: started.deadlineAt, isResumed: true });
    expect((await caller.exam.getAttempt({ attemptId: started.attemptId })).questions).toEqual(attempt.questions);
    expect(attempt.exercises.map((e) => e.difficulty)).toEqual(examBlueprint.partB.exercises.map((e) => e.difficulty));
  });

  it("saves Part B code as typed and submits it in the exam lane; refuses other exercises, bad files, and anything after the deadline, keeping what was saved", async () => {
    const { caller, attemptId, attempt } = await startLearner();
    const [core, advanced] = attempt.exercises;
    const files = await readStarter(core!.id);
    expect(await caller.exam.getPartBDraft({ attemptId, exerciseId: core!.id })).toBeNull();
    const saved = await caller.exam.savePartBDraft({ attemptId, exerciseId: core!.id, files });
    expect(await caller.exam.getPartBDraft({ attemptId, exerciseId: core!.id })).toEqual({ files, savedAt: saved.savedAt });

    const notInExam = (await testDb.db.select({ id: schema.exercise.id }).from(schema.exercise)).find((e) => !attempt.exercises.some((x) => x.id === e.id))!;
    await expect(caller.exam.savePartBDraft({ attemptId, exerciseId: notInExam.id, files })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not part of this exam") });
    await expect(caller.exam.submitPartB({ attemptId, exerciseId: notInExam.id, files })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.exam.savePartBDraft({ attemptId, exerciseId: core!.id, files: [{ name: "../escape.py", content: "x = 1" }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.exam.savePartBDraft({ attemptId, exerciseId: core!.id, files: [{ name: "main.py", content: "x".repeat(1024 * 1024) }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const sent = await caller.exam.submitPartB({ attemptId, exerciseId: core!.id, files });
    expect(sent).toMatchObject({ exerciseId: core!.id, state: "received" });
    const [row] = await testDb.db.select().from(schema.submission).where(eq(schema.submission.id, sent.submissionId));
    expect(row).toMatchObject({ examAttemptId: attemptId, exerciseId: core!.id, mode: "submit", status: "queued" });
    const { rows: jobs } = await testDb.db.$client.query<{ priority: number }>("select priority from pgboss.job where data->>'submissionId' = $1", [sent.submissionId]);
    expect(jobs).toEqual([{ priority: 20 }]);
    const status = await caller.exam.partBStatus({ attemptId });
    expect(status.exercises.map((e) => e.exerciseId)).toEqual([core!.id, advanced!.id]);
    expect(status.exercises[0]!.submissions).toEqual([{ submissionId: sent.submissionId, state: "received", queuePosition: 1, createdAt: row!.createdAt }]);

    await passDeadline(attemptId);
    const changed = [{ name: files[0]!.name, content: "# typed after the deadline\n" }];
    await expect(caller.exam.savePartBDraft({ attemptId, exerciseId: core!.id, files: changed })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("Time is up"),
    });
    await expect(caller.exam.submitPartB({ attemptId, exerciseId: advanced!.id, files: await readStarter(advanced!.id) })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("The code saved before the deadline is kept"),
    });
    expect(await caller.exam.getPartBDraft({ attemptId, exerciseId: core!.id })).toEqual({ files, savedAt: saved.savedAt });
    const kept = await testDb.db.select({ id: schema.submission.id }).from(schema.submission).where(eq(schema.submission.examAttemptId, attemptId));
    expect(kept).toEqual([{ id: sent.submissionId }]);
  });

  it("shows no Part B score, report or test result on any route while the attempt is in progress", async () => {
    const { caller, attemptId, attempt } = await startLearner();
    const [core, advanced] = attempt.exercises;
    const first = await caller.exam.submitPartB({ attemptId, exerciseId: core!.id, files: await readStarter(core!.id) });
    await grade(first.submissionId, core!.id, 6.67);
    const second = await caller.exam.submitPartB({ attemptId, exerciseId: advanced!.id, files: await readStarter(advanced!.id) });
    const report = makeGradedReport();

    const responses: unknown[] = [
      await caller.exam.getAttempt({ attemptId }),
      await caller.exam.partBStatus({ attemptId }),
      await caller.exam.getPartBDraft({ attemptId, exerciseId: core!.id }),
      await caller.exam.startMock(),
      await caller.exam.history(),
      await caller.exam.readiness(),
      await caller.submission.list({}),
      await caller.submission.list({ exerciseId: core!.id }),
      await caller.exercise.list(),
      await caller.exercise.progress(),
      await caller.dashboard.summary(),
    ];
    const live = await caller.exam.onPartBStatus({ attemptId });
    const iterator = live[Symbol.asyncIterator]();
    responses.push((await iterator.next()).value);
    await iterator.return?.();

    for (const id of [first.submissionId, second.submissionId]) {
      await expect(caller.submission.get({ id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("exam") });
      const watched = await caller.submission.onStatus({ id });
      await expect(watched[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    }
    await expect(caller.exam.result({ attemptId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    const text = responses.map(serialize).join("\n");
    expect(text).not.toContain("6.67");
    for (const test of report.tests) expect(text).not.toContain(test.name);
    for (const test of report.tests) if (test.message) expect(text).not.toContain(JSON.stringify(test.message).slice(1, 40));
    expect(text).not.toMatch(/"(report|tests|errorMessage|hasReport)":/);
    expect((await caller.exam.partBStatus({ attemptId })).exercises.flatMap((e) => e.submissions.map((s) => s.state))).toEqual(["graded", "received"]);
    // Not practice: no attempt of these exercises counts in the catalogue, progress or history.
    const catalogue = await caller.exercise.list();
    expect(catalogue.filter((e) => e.id === core!.id || e.id === advanced!.id).map((e) => [e.status, e.attempts])).toEqual([
      ["not-started", 0],
      ["not-started", 0],
    ]);
    expect((await caller.exam.history())[0]).toMatchObject({ attemptId, status: "in-progress", score: null, partAScore: null, partBPercent: null });

    await caller.exam.submit({ attemptId });
    expect(await caller.submission.get({ id: first.submissionId })).toMatchObject({ score: 6.67 });
    const result = await caller.exam.result({ attemptId });
    expect(result.partB.exercises[0]).toMatchObject({ grading: "graded", bestSubmissionId: first.submissionId, bestScore: 6.67, report: { ...report, score: 6.67, exerciseId: core!.id, status: "failed" } });
    expect(result.partB.exercises[1]).toMatchObject({ grading: "grading", bestScore: null, report: null });
  });

  it("counts each exercise's best submission as a share of its points, and settles the score when the last grading after the deadline ends, live", async () => {
    const { caller, attemptId, attempt } = await startLearner();
    const [core, advanced] = attempt.exercises;
    const questions = attempt.questions.map((q) => findQuestion(q.id));
    const right = questions.slice(0, 31);
    for (const q of right) await caller.exam.saveAnswer({ attemptId, questionId: q.id, choiceIds: q.answer });

    const coreFiles = await readStarter(core!.id);
    const firstCore = await caller.exam.submitPartB({ attemptId, exerciseId: core!.id, files: coreFiles });
    await grade(firstCore.submissionId, core!.id, 8.33);
    const secondCore = await caller.exam.submitPartB({ attemptId, exerciseId: core!.id, files: coreFiles });
    await grade(secondCore.submissionId, core!.id, 5.45);
    const onlyAdvanced = await caller.exam.submitPartB({ attemptId, exerciseId: advanced!.id, files: await readStarter(advanced!.id) });
    expect(await markRunning(testDb.db, onlyAdvanced.submissionId)).toBe(true);

    // Nobody submits: the deadline passes with a grading still running, and the grader's sweep ends the attempt.
    await passDeadline(attemptId);
    expect(await expireOverdueAttempts(testDb.db)).toContain(attemptId);
    const pending = await caller.exam.result({ attemptId });
    expect(pending).toMatchObject({ status: "expired", grading: "grading", score: null, isPassed: null, partB: { percent: null, grading: "grading" } });
    expect(pending.partA).toMatchObject({ score: 31, maxScore: 40, percent: 77.5 });
    expect(pending.partB.exercises.map((e) => [e.grading, e.bestSubmissionId, e.bestScore])).toEqual([
      ["graded", firstCore.submissionId, 8.33],
      ["grading", null, null],
    ]);
    const readStoredScore = async () =>
      (await testDb.db.select({ score: schema.examAttempt.score, maxScore: schema.examAttempt.maxScore }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId)))[0];
    expect(await readStoredScore()).toEqual({ score: null, maxScore: null });

    const live = (await caller.exam.onResult({ attemptId }))[Symbol.asyncIterator]();
    expect((await live.next()).value).toMatchObject({ grading: "grading" });
    const points = new Map((await testDb.db.select({ id: schema.exercise.id, points: schema.exercise.points }).from(schema.exercise)).map((e) => [e.id, e.points]));
    await grade(onlyAdvanced.submissionId, advanced!.id, 2.5);
    const next = await live.next();
    if (next.done) throw new Error("the result stream ended before Part B was final");
    const settled = next.value;
    await live.return?.();

    const partBPercent = roundToHundredths((100 * (8.33 / points.get(core!.id)! + 2.5 / points.get(advanced!.id)!)) / 2);
    const expected = roundToHundredths(
      roundToHundredths((77.5 * examBlueprint.partA.weightPercent) / 100) + roundToHundredths((partBPercent * examBlueprint.partB.weightPercent) / 100),
    );
    expect(settled).toMatchObject({ grading: "final", score: expected, maxScore: 100, isPassed: expected >= examBlueprint.passPercent, partB: { percent: partBPercent, grading: "final" } });
    expect(settled.partB.exercises[1]).toMatchObject({ grading: "graded", bestSubmissionId: onlyAdvanced.submissionId, bestScore: 2.5, report: { score: 2.5 } });
    expect(await readStoredScore()).toEqual({ score: expected, maxScore: 100 });
    expect((await caller.exam.history())[0]).toMatchObject({ attemptId, score: expected, isPassed: expected >= 70, partAPercent: 77.5, partBPercent, grading: "final" });
    expect(settled.timeUsedSeconds).toBe(Math.round((settled.submittedAt.getTime() - settled.startedAt.getTime()) / 1000));
    expect(settled.partA.chapters.filter((c) => c.isWeakest).every((c) => c.percent === Math.min(...settled.partA.chapters.map((x) => x.percent)))).toBe(true);
    expect(settled.partA.chapters[0]!.sections.map((s) => s.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^1\.\d+$/)]));
  });
});
