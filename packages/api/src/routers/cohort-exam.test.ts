import { getSection, type QuizQuestion } from "@academy/content";
import { createTestDb, seedCohort, seedExercise, seedUser } from "@academy/db/testing";
import { createExamAttemptListener } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { createTestCaller } from "../testing/create-test-caller";
import { createContextInner } from "../trpc";

const MINUTE = 60_000;

function findQuestion(id: string): QuizQuestion {
  return getSection(id.slice(0, id.indexOf("-")))!.quiz.questions.find((q) => q.id === id)!;
}

/** Every number held under a key naming a score or percentage, at any depth. */
function findScores(value: unknown, path = "response"): string[] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === "number" && /score|percent|passed/i.test(key) ? [`${path}.${key}`] : findScores(inner, `${path}.${key}`),
  );
}

describe("cohort exam procedures", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    for (const difficulty of ["core", "advanced"] as const) await seedExercise(testDb.db, { difficulty, kind: "implement" });
  });
  afterAll(() => testDb.close());

  /** A cohort with one learner and an exam open from a minute ago for two hours. */
  async function openExam() {
    const instructor = await seedUser(testDb.db, { role: "instructor" });
    const learner = await seedUser(testDb.db);
    const cohort = await seedCohort(testDb.db, { instructorId: instructor.id, memberIds: [learner.id] });
    const teacher = createTestCaller(testDb.db, instructor);
    const now = Date.now();
    const { examId } = await teacher.cohortExam.schedule({
      cohortId: cohort.id,
      title: "Week 6 exam",
      opensAt: new Date(now - MINUTE),
      closesAt: new Date(now + 120 * MINUTE),
      durationMinutes: 30,
      extraTime: [{ userId: learner.id, minutes: 10 }],
    });
    return { instructor, learner, cohort, teacher, student: createTestCaller(testDb.db, learner), examId };
  }

  it("refuses bad settings with a clear message, and learners from the instructor's procedures", async () => {
    const { teacher, student, cohort, examId } = await openExam();
    const now = Date.now();
    const settings = { cohortId: cohort.id, title: "Final", opensAt: new Date(now + 60 * MINUTE), closesAt: new Date(now + 30 * MINUTE), durationMinutes: 60 };
    await expect(teacher.cohortExam.schedule(settings)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("must open before it closes") });
    await expect(teacher.cohortExam.schedule({ ...settings, closesAt: new Date(now + 90 * MINUTE), durationMinutes: 0 })).rejects.toMatchObject({
      message: expect.stringContaining("at least 1 minute"),
    });
    await expect(teacher.cohortExam.schedule({ ...settings, closesAt: new Date(now + 90 * MINUTE), title: "  " })).rejects.toMatchObject({
      message: expect.stringContaining("Give the exam a title"),
    });
    await expect(student.cohortExam.roster({ examId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(student.cohortExam.release({ examId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(student.cohortExam.closeNow({ examId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(student.cohortExam.schedule({ ...settings, closesAt: new Date(now + 90 * MINUTE) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses another cohort's learner (list, start, result) and another instructor (roster, close, release, CSV, live roster, edit)", async () => {
    const { teacher, student, examId, instructor } = await openExam();
    const other = await openExam();
    const { attemptId } = await student.cohortExam.start({ examId });
    await student.exam.submit({ attemptId });

    expect((await other.student.cohortExam.listForLearner()).map((e) => e.id)).toEqual([other.examId]);
    await expect(other.student.cohortExam.start({ examId })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("not a learner in") });
    await expect(other.student.exam.result({ attemptId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.student.exam.getAttempt({ attemptId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(other.teacher.cohortExam.roster({ examId })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("instructors") });
    await expect(other.teacher.cohortExam.release({ examId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(other.teacher.cohortExam.closeNow({ examId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(other.teacher.cohortExam.resultsCsv({ examId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const roster = await teacher.cohortExam.roster({ examId });
    const { exam } = roster;
    await expect(
      other.teacher.cohortExam.update({ examId, title: "Mine now", opensAt: exam.opensAt, closesAt: exam.closesAt, durationMinutes: 5 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(other.teacher.cohortExam.watchRoster({ examId })).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });

    // With the web app's listener in the context, the live roster streams to the exam's instructor only.
    const listener = await createExamAttemptListener(testDb.url);
    const controller = new AbortController();
    try {
      const live = (user: typeof instructor) =>
        createCaller(createContextInner({ db: testDb.db, grading: null, examAttempts: listener, user: { ...user, role: "instructor" } }), { signal: controller.signal }).cohortExam;
      const stream = await live(instructor).watchRoster({ examId });
      const first = await stream[Symbol.asyncIterator]().next();
      expect(first.value).toMatchObject({ exam: { id: examId }, counts: { submitted: 1 } });
      const otherStream = await live(other.instructor).watchRoster({ examId });
      await expect(otherStream[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      controller.abort();
      await listener.close();
    }
  });

  it("takes a scheduled exam through the exam procedures, and keeps its score from the learner until release", async () => {
    const { teacher, student, examId, learner } = await openExam();
    expect(await student.cohortExam.listForLearner()).toMatchObject([{ id: examId, state: "open", extraMinutes: 10, result: null }]);
    const started = await student.cohortExam.start({ examId });
    expect(started.deadlineAt.getTime() - Date.now()).toBeGreaterThan(35 * MINUTE);
    expect(started.deadlineAt.getTime() - Date.now()).toBeLessThanOrEqual(40 * MINUTE);
    expect(await student.cohortExam.start({ examId })).toEqual({ ...started, isResumed: true });

    const { attemptId } = started;
    const attempt = await student.exam.getAttempt({ attemptId });
    expect(attempt).toMatchObject({ examId, status: "in-progress", deadlineAt: started.deadlineAt });
    const [first, second] = attempt.questions.map((q) => findQuestion(q.id));
    await student.exam.saveAnswer({ attemptId, questionId: first!.id, choiceIds: first!.answer });
    await student.exam.saveAnswer({ attemptId, questionId: second!.id, choiceIds: second!.answer });
    await student.exam.flag({ attemptId, questionId: second!.id, isFlagged: true });
    expect((await teacher.cohortExam.roster({ examId })).learners).toMatchObject([{ userId: learner.id, state: "in-progress", extraMinutes: 10 }]);

    const submitted = await student.exam.submit({ attemptId });
    expect(submitted).toMatchObject({ status: "submitted" });
    expect(findScores(submitted)).toEqual([]);
    await expect(student.exam.result({ attemptId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("not released") });
    const history = await student.exam.history();
    const entry = history.find((h) => h.attemptId === attemptId);
    expect(entry).toMatchObject({ status: "submitted", isResultWithheld: true });
    expect(findScores(entry)).toEqual([]);
    expect(await student.cohortExam.listForLearner()).toMatchObject([{ state: "submitted", result: null }]);
    expect((await teacher.cohortExam.roster({ examId })).learners).toMatchObject([{ state: "submitted", partAScore: 2, partAMaxScore: 40 }]);
    expect((await teacher.cohortExam.resultsCsv({ examId })).csv).toContain(`${learner.email},submitted,10,`);

    await expect(student.cohortExam.start({ examId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(teacher.cohortExam.release({ examId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("once it has closed") });
    // Everyone has finished: the instructor closes the window before its planned close.
    const closed = await teacher.cohortExam.closeNow({ examId });
    expect(closed.closesAt.getTime()).toBeLessThanOrEqual(Date.now());
    await teacher.cohortExam.release({ examId });
    expect(await student.cohortExam.listForLearner()).toMatchObject([{ state: "submitted", isResultReleased: true, result: { partAScore: 2, partAMaxScore: 40 } }]);
    expect(await student.exam.result({ attemptId })).toMatchObject({ attemptId, partA: { score: 2, maxScore: 40 } });
  });
});
