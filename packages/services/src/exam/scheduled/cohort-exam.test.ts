import { getSection, type QuizQuestion } from "@academy/content";
import { eq, schema } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { submitQuiz } from "../../curriculum/submit-quiz";
import type { Clock } from "../clock";
import { getExamResult } from "../get-exam-result";
import { saveExamAnswer } from "../save-exam-answer";
import { startMockExam } from "../start-mock-exam";
import { expireOverdueAttempts, submitExamAttempt } from "../submit-exam-attempt";
import { getCohortExamRoster, listCohortExams } from "./cohort-exam-roster";
import { createExamAttemptListener } from "./exam-attempt-listener";
import { closeCohortExamNow } from "./close-cohort-exam";
import { exportCohortExamResultsCsv } from "./export-results-csv";
import { listLearnerCohortExams } from "./list-learner-cohort-exams";
import { releaseCohortExamResults } from "./result-release";
import { scheduleCohortExam, updateCohortExam } from "./schedule-cohort-exam";
import { startCohortExam } from "./start-cohort-exam";
import { watchCohortExamRoster } from "./watch-cohort-exam-roster";

const MINUTE = 60_000;
const opensAt = new Date("2026-05-04T09:00:00.000Z");
const at = (minutes: number): Clock => () => new Date(opensAt.getTime() + minutes * MINUTE);
const minutesAfterOpening = (minutes: number) => at(minutes)();

function findQuestion(id: string): QuizQuestion {
  return getSection(id.slice(0, id.indexOf("-")))!.quiz.questions.find((q) => q.id === id)!;
}

describe("scheduled cohort exams", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  const db = () => testDb.db;

  beforeAll(async () => {
    testDb = await createTestDb();
    for (const difficulty of ["core", "advanced"] as const) await seedExercise(testDb.db, { difficulty, kind: "implement" });
  });
  afterAll(() => testDb.close());

  /** A cohort with an instructor and learners, and an exam scheduled from 09:00 to 11:00 lasting `durationMinutes`. */
  async function scheduleFor(options: { learners?: number; durationMinutes?: number; closesAfterMinutes?: number; extraMinutes?: number[] } = {}) {
    const instructor = await seedUser(db(), { role: "instructor" });
    const learners = await Promise.all(Array.from({ length: options.learners ?? 2 }, (_, i) => seedUser(db(), { name: `Learner ${i + 1}` })));
    const cohort = await seedCohort(db(), { instructorId: instructor.id, memberIds: learners.map((l) => l.id) });
    const viewer = { id: instructor.id, role: "instructor" };
    const { examId } = await scheduleCohortExam(
      db(),
      {
        viewer,
        cohortId: cohort.id,
        title: "Midterm",
        opensAt,
        closesAt: minutesAfterOpening(options.closesAfterMinutes ?? 120),
        durationMinutes: options.durationMinutes ?? 60,
        extraTime: (options.extraMinutes ?? []).map((minutes, i) => ({ userId: learners[i]!.id, minutes })),
      },
      at(-60),
    );
    return { instructor, viewer, learners, cohort, examId };
  }

  it("refuses a window that does not open before it closes, or that has closed, and extra time for someone outside the cohort", async () => {
    const instructor = await seedUser(db(), { role: "instructor" });
    const cohort = await seedCohort(db(), { instructorId: instructor.id });
    const outsider = await seedUser(db());
    const viewer = { id: instructor.id, role: "instructor" };
    const settings = { viewer, cohortId: cohort.id, title: "Final", durationMinutes: 90, extraTime: [] };
    await expect(scheduleCohortExam(db(), { ...settings, opensAt, closesAt: opensAt }, at(-60))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("must open before it closes"),
    });
    await expect(scheduleCohortExam(db(), { ...settings, opensAt, closesAt: minutesAfterOpening(60) }, at(61))).rejects.toMatchObject({
      message: expect.stringContaining("closing time has already passed"),
    });
    await expect(
      scheduleCohortExam(db(), { ...settings, opensAt, closesAt: minutesAfterOpening(60), extraTime: [{ userId: outsider.id, minutes: 10 }] }, at(-60)),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("learners of this cohort") });
    const otherInstructor = { id: (await seedUser(db(), { role: "instructor" })).id, role: "instructor" };
    await expect(scheduleCohortExam(db(), { ...settings, viewer: otherInstructor, opensAt, closesAt: minutesAfterOpening(60) }, at(-60))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await listCohortExams(db(), { cohortId: cohort.id, viewer })).exams).toEqual([]);
  });

  it("lets the instructor edit the exam before it opens, not after", async () => {
    const { viewer, learners, examId, cohort } = await scheduleFor();
    const edit = { viewer, examId, title: "Midterm (edited)", opensAt, closesAt: minutesAfterOpening(90), durationMinutes: 45, extraTime: [{ userId: learners[0]!.id, minutes: 15 }] };
    await updateCohortExam(db(), edit, at(-1));
    const [listed] = (await listCohortExams(db(), { cohortId: cohort.id, viewer })).exams;
    expect(listed).toMatchObject({ id: examId, title: "Midterm (edited)", durationMinutes: 45, closesAt: minutesAfterOpening(90), startedCount: 0 });
    expect((await getCohortExamRoster(db(), { examId, viewer }, at(-1))).learners.map((l) => l.extraMinutes)).toEqual([15, 0]);
    await expect(updateCohortExam(db(), { ...edit, title: "Too late" }, at(0))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("already opened"),
    });
    const otherInstructor = { id: (await seedUser(db(), { role: "instructor" })).id, role: "instructor" };
    await expect(updateCohortExam(db(), { ...edit, viewer: otherInstructor }, at(-1))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("starts only inside the window, once, with a deadline of duration plus extra time that never passes the close", async () => {
    const { learners, examId } = await scheduleFor({ learners: 3, durationMinutes: 60, closesAfterMinutes: 120, extraMinutes: [30, 0, 45] });
    const [withExtra, plain, late] = learners;
    await expect(startCohortExam(db(), plain!.id, examId, at(-1))).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("opens at") });
    await expect(startCohortExam(db(), plain!.id, examId, at(120))).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("closed at") });

    const started = await startCohortExam(db(), withExtra!.id, examId, at(10));
    expect(started).toMatchObject({ isResumed: false, deadlineAt: minutesAfterOpening(10 + 60 + 30) });
    expect(await startCohortExam(db(), withExtra!.id, examId, at(20))).toEqual({ ...started, isResumed: true });
    expect((await startCohortExam(db(), plain!.id, examId, at(10))).deadlineAt).toEqual(minutesAfterOpening(70));
    // 100 + 60 + 45 minutes would pass the close at 120: the close wins.
    const lateStart = await startCohortExam(db(), late!.id, examId, at(100));
    expect(lateStart.deadlineAt).toEqual(minutesAfterOpening(120));

    const [question] = (await db().select({ questionIds: schema.examAttempt.questionIds }).from(schema.examAttempt).where(eq(schema.examAttempt.id, lateStart.attemptId)))[0]!.questionIds;
    const answer = { attemptId: lateStart.attemptId, questionId: question!, choiceIds: findQuestion(question!).answer };
    await saveExamAnswer(db(), late!.id, answer, at(119));
    await expect(saveExamAnswer(db(), late!.id, answer, at(120))).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("Time is up") });
    // Extra time runs past the plain deadline: 95 minutes in, the learner with 30 extra is still writing.
    const [withExtraQuestion] = (await db().select({ questionIds: schema.examAttempt.questionIds }).from(schema.examAttempt).where(eq(schema.examAttempt.id, started.attemptId)))[0]!.questionIds;
    await saveExamAnswer(db(), withExtra!.id, { attemptId: started.attemptId, questionId: withExtraQuestion!, choiceIds: [] }, at(95));

    await submitExamAttempt(db(), plain!.id, (await startCohortExam(db(), plain!.id, examId, at(30))).attemptId, at(30));
    await expect(startCohortExam(db(), plain!.id, examId, at(31))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already submitted") });
  });

  it("refuses learners outside the cohort and the cohort's instructor: they see none of its exams", async () => {
    const { examId, instructor } = await scheduleFor();
    const other = await scheduleFor();
    const outsider = other.learners[0]!;
    await expect(startCohortExam(db(), outsider.id, examId, at(5))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("not a learner in"),
    });
    await expect(startCohortExam(db(), instructor.id, examId, at(5))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listLearnerCohortExams(db(), outsider.id, at(5))).map((e) => e.id)).toEqual([other.examId]);
    await expect(getCohortExamRoster(db(), { examId, viewer: other.viewer }, at(5))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows learners 'submitted' and no score until the instructor releases the results", async () => {
    const { viewer, learners, examId } = await scheduleFor({ learners: 1 });
    const learner = learners[0]!;
    expect(await listLearnerCohortExams(db(), learner.id, at(-10))).toMatchObject([{ id: examId, state: "upcoming", result: null }]);
    expect(await listLearnerCohortExams(db(), learner.id, at(1))).toMatchObject([{ state: "open" }]);
    const { attemptId } = await startCohortExam(db(), learner.id, examId, at(1));
    const [row] = await db().select({ questionIds: schema.examAttempt.questionIds }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId));
    for (const id of row!.questionIds.slice(0, 3)) await saveExamAnswer(db(), learner.id, { attemptId, questionId: id, choiceIds: findQuestion(id).answer }, at(2));
    expect(await listLearnerCohortExams(db(), learner.id, at(3))).toMatchObject([{ state: "in-progress", attemptId }]);

    const submitted = await submitExamAttempt(db(), learner.id, attemptId, at(4));
    expect(submitted).toMatchObject({ status: "submitted", partAScore: null, partAMaxScore: null });
    await expect(getExamResult(db(), learner.id, attemptId, at(5))).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("not released") });
    expect(await listLearnerCohortExams(db(), learner.id, at(5))).toMatchObject([{ state: "submitted", isResultReleased: false, result: null }]);
    // The instructor sees the score before release.
    expect((await getCohortExamRoster(db(), { examId, viewer }, at(5))).learners).toMatchObject([{ state: "submitted", partAScore: 3, partAMaxScore: 40 }]);

    await expect(releaseCohortExamResults(db(), { examId, viewer: { id: learner.id, role: "learner" } }, at(120))).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Others may still be sitting it until the window closes at 120: no release before then.
    await expect(releaseCohortExamResults(db(), { examId, viewer }, at(119))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("once it has closed"),
    });
    await expect(getExamResult(db(), learner.id, attemptId, at(119))).rejects.toMatchObject({ message: expect.stringContaining("not released") });
    const released = await releaseCohortExamResults(db(), { examId, viewer }, at(120));
    expect(released.resultsReleasedAt).toEqual(minutesAfterOpening(120));
    expect((await releaseCohortExamResults(db(), { examId, viewer }, at(121))).resultsReleasedAt).toEqual(minutesAfterOpening(120));
    expect(await listLearnerCohortExams(db(), learner.id, at(122))).toMatchObject([{ state: "submitted", isResultReleased: true, result: { partAScore: 3, partAMaxScore: 40 } }]);
    expect(await getExamResult(db(), learner.id, attemptId, at(122))).toMatchObject({ attemptId, partA: { score: 3, maxScore: 40 } });
  });

  it("is submitted by the deadline sweep when abandoned, at the window's close", async () => {
    const { viewer, learners, examId } = await scheduleFor({ learners: 1, durationMinutes: 90, closesAfterMinutes: 60 });
    const { attemptId, deadlineAt } = await startCohortExam(db(), learners[0]!.id, examId, at(30));
    expect(deadlineAt).toEqual(minutesAfterOpening(60));
    expect(await expireOverdueAttempts(db(), at(59))).not.toContain(attemptId);
    expect(await expireOverdueAttempts(db(), at(61))).toContain(attemptId);
    const [row] = await db().select().from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId));
    expect(row).toMatchObject({ status: "expired", submittedAt: minutesAfterOpening(60), partAMaxScore: 40 });
    expect((await getCohortExamRoster(db(), { examId, viewer }, at(61))).learners).toMatchObject([{ state: "submitted", isExpired: true }]);
  });

  it("closes early at the instructor's word: attempts still running end with what they saved, none starts after, and results can be released", async () => {
    const { viewer, learners, examId } = await scheduleFor({ learners: 3 });
    const [writing, done, absent] = learners;
    const running = await startCohortExam(db(), writing!.id, examId, at(1));
    const finished = await startCohortExam(db(), done!.id, examId, at(1));
    await submitExamAttempt(db(), done!.id, finished.attemptId, at(5));
    await expect(closeCohortExamNow(db(), { examId, viewer }, at(-1))).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("not opened yet") });
    await expect(closeCohortExamNow(db(), { examId, viewer: { id: writing!.id, role: "learner" } }, at(10))).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await closeCohortExamNow(db(), { examId, viewer }, at(10))).toEqual({ examId, closesAt: minutesAfterOpening(10) });
    const readAttempt = async (attemptId: string) =>
      (await db().select({ status: schema.examAttempt.status, submittedAt: schema.examAttempt.submittedAt }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId)))[0];
    expect(await readAttempt(running.attemptId)).toEqual({ status: "expired", submittedAt: minutesAfterOpening(10) });
    expect(await readAttempt(finished.attemptId)).toEqual({ status: "submitted", submittedAt: minutesAfterOpening(5) });
    await expect(startCohortExam(db(), absent!.id, examId, at(11))).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("closed at") });
    expect(await closeCohortExamNow(db(), { examId, viewer }, at(12))).toEqual({ examId, closesAt: minutesAfterOpening(10) });
    expect((await releaseCohortExamResults(db(), { examId, viewer }, at(12))).resultsReleasedAt).toEqual(minutesAfterOpening(12));
  });

  it("exports the results table as CSV, one line a learner", async () => {
    const { viewer, learners, examId } = await scheduleFor({ learners: 3, extraMinutes: [0, 20] });
    await db().update(schema.user).set({ name: 'O\'Brien, "Ann"' }).where(eq(schema.user.id, learners[0]!.id));
    await db().update(schema.user).set({ name: '=HYPERLINK("http://evil.example","Learner 3")' }).where(eq(schema.user.id, learners[2]!.id));
    const first = await startCohortExam(db(), learners[0]!.id, examId, at(1));
    const [row] = await db().select({ questionIds: schema.examAttempt.questionIds }).from(schema.examAttempt).where(eq(schema.examAttempt.id, first.attemptId));
    for (const id of row!.questionIds.slice(0, 2)) await saveExamAnswer(db(), learners[0]!.id, { attemptId: first.attemptId, questionId: id, choiceIds: findQuestion(id).answer }, at(2));
    await submitExamAttempt(db(), learners[0]!.id, first.attemptId, at(10));
    await startCohortExam(db(), learners[1]!.id, examId, at(5));

    const { fileName, csv } = await exportCohortExamResultsCsv(db(), { examId, viewer }, at(11));
    expect(fileName).toBe("midterm-results.csv");
    const lines = csv.trimEnd().split("\n");
    // Nothing sent for Part B, so the overall score is final at submission: 5% of Part A's 60.
    expect(lines[0]).toBe("Learner,Email,Status,Extra minutes,Started at,Submitted at,Part A score,Part A max,Part A %,Score,Max score");
    expect(lines.slice(1).sort()).toEqual(
      [
        `"O'Brien, ""Ann""",${learners[0]!.email},submitted,0,${minutesAfterOpening(1).toISOString()},${minutesAfterOpening(10).toISOString()},2,40,5.0,3,100`,
        `Learner 2,${learners[1]!.email},in progress,20,${minutesAfterOpening(5).toISOString()},,,,,,`,
        // A name that starts like a formula is quoted so that a spreadsheet shows it as text.
        `"'=HYPERLINK(""http://evil.example"",""Learner 3"")",${learners[2]!.email},not started,0,,,,,,,`,
      ].sort(),
    );
    const otherInstructor = { id: (await seedUser(db(), { role: "instructor" })).id, role: "instructor" };
    await expect(exportCohortExamResultsCsv(db(), { examId, viewer: otherInstructor })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("closes the quizzes and the mock exam to a learner sitting it: both show the answers of its question bank", async () => {
    const { learners, examId } = await scheduleFor({ learners: 1 });
    const learner = learners[0]!;
    const { attemptId } = await startCohortExam(db(), learner.id, examId, at(1));
    const [row] = await db().select({ questionIds: schema.examAttempt.questionIds }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId));
    const questionId = row!.questionIds[0]!;
    const quiz = { sectionId: questionId.slice(0, questionId.indexOf("-")), answers: {} };
    await expect(submitQuiz(db(), learner.id, quiz, at(2))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("Quizzes are closed while you sit an exam"),
    });
    await expect(startMockExam(db(), learner.id, at(2))).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("sitting a scheduled exam") });
    const ownRows = async () => ({
      quizAttempts: (await db().select({ id: schema.quizAttempt.id }).from(schema.quizAttempt).where(eq(schema.quizAttempt.userId, learner.id))).length,
      examAttempts: (await db().select({ id: schema.examAttempt.id }).from(schema.examAttempt).where(eq(schema.examAttempt.userId, learner.id))).length,
    });
    expect(await ownRows()).toEqual({ quizAttempts: 0, examAttempts: 1 });

    await submitExamAttempt(db(), learner.id, attemptId, at(3));
    const graded = await submitQuiz(db(), learner.id, quiz, at(4));
    expect(graded.questions.find((q) => q.questionId === questionId)).toMatchObject({ correct: findQuestion(questionId).answer });
    expect(await startMockExam(db(), learner.id, at(4))).toMatchObject({ isResumed: false });
    expect(await ownRows()).toEqual({ quizAttempts: 1, examAttempts: 2 });
  });

  it("pushes the roster again when a learner starts and submits, through Postgres NOTIFY", async () => {
    const { viewer, learners, examId } = await scheduleFor({ learners: 2 });
    const listener = await createExamAttemptListener(testDb.url);
    const controller = new AbortController();
    try {
      // The exam's window is fixed in the past here; the clock only shapes what the roster reports.
      const roster = watchCohortExamRoster(db(), listener, { examId, viewer }, controller.signal, at(1));
      const next = async () => (await roster.next()).value!;
      expect((await next()).counts).toEqual({ notStarted: 2, inProgress: 0, submitted: 0 });
      const { attemptId } = await startCohortExam(db(), learners[0]!.id, examId, at(1));
      expect((await next()).counts).toEqual({ notStarted: 1, inProgress: 1, submitted: 0 });
      await submitExamAttempt(db(), learners[0]!.id, attemptId, at(2));
      const afterSubmit = await next();
      expect(afterSubmit.counts).toEqual({ notStarted: 1, inProgress: 0, submitted: 1 });
      expect(afterSubmit.learners.find((l) => l.userId === learners[0]!.id)).toMatchObject({ state: "submitted", attemptId });
      controller.abort();
      expect(await roster.next()).toMatchObject({ done: true });
    } finally {
      controller.abort();
      await listener.close();
    }
  });
});
