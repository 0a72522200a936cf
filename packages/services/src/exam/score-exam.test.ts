import { examBlueprint, getSection, listChapters } from "@academy/content";
import { eq, schema } from "@academy/db";
import { createTestDb, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeGradedReport } from "../testing";
import { storeGradingResult } from "../submission/store-grading-result";
import type { Clock } from "./clock";
import { getExamReadiness } from "./exam-readiness";
import type { PartBSubmission } from "./score-exam";
import { scoreAttempt } from "./score-exam";
import { startMockExam } from "./start-mock-exam";
import { submitExamAttempt } from "./submit-exam-attempt";

const DAY = 24 * 60 * 60_000;
const now = new Date("2026-05-01T12:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const clock: Clock = () => now;

let counter = 0;
function submission(exerciseId: string, status: PartBSubmission["status"], score: number | null): PartBSubmission {
  counter += 1;
  return { id: `s${counter}`, exerciseId, status, score, createdAt: new Date(now.getTime() + counter) };
}

describe("exam scoring", () => {
  const exercises = [
    { id: "core", points: 10 },
    { id: "advanced", points: 20 },
  ];
  const partA = { score: 30, maxScore: 40 };

  it("counts each exercise's best final submission as a share of its points, weighted as the blueprint says", () => {
    const first = submission("core", "failed", 5.45);
    const best = submission("core", "failed", 6.67);
    const tie = submission("core", "failed", 6.67);
    const advanced = submission("advanced", "passed", 20);
    const scored = scoreAttempt(examBlueprint, partA, exercises, [first, best, tie, advanced]);
    expect(scored.partB.exercises.map((e) => [e.bestSubmissionId, e.bestScore, e.fraction, e.grading])).toEqual([
      [best.id, 6.67, 0.667, "graded"],
      [advanced.id, 20, 1, "graded"],
    ]);
    // Part A 75%, Part B (66.7% + 100%) / 2 = 83.35%: 45 + 33.34 out of 100.
    expect(scored).toMatchObject({ partA: { percent: 75 }, partB: { percent: 83.35, grading: "final" }, score: 78.34, maxScore: 100, isPassed: true });
    expect(scored.partA.weightPercent + scored.partB.weightPercent).toBe(100);
  });

  it("holds the score while a submission is pending, counts a grading the grader could not run as 0, and nothing sent as 0", () => {
    const graded = submission("core", "passed", 10);
    const running = submission("advanced", "running", null);
    const pending = scoreAttempt(examBlueprint, partA, exercises, [graded, running]);
    expect(pending).toMatchObject({ score: null, isPassed: null, partB: { percent: null, grading: "grading" } });
    expect(pending.partB.exercises.map((e) => e.grading)).toEqual(["graded", "grading"]);

    const broken = scoreAttempt(examBlueprint, partA, exercises, [graded, submission("advanced", "error", null)]);
    expect(broken).toMatchObject({ partB: { percent: 50 }, score: 65, isPassed: false });

    const nothing = scoreAttempt(examBlueprint, { score: 40, maxScore: 40 }, exercises, []);
    expect(nothing.partB.exercises.map((e) => e.grading)).toEqual(["not-submitted", "not-submitted"]);
    expect(nothing).toMatchObject({ score: examBlueprint.partA.weightPercent, isPassed: examBlueprint.partA.weightPercent >= examBlueprint.passPercent });
  });
});

describe("exam scores stored and readiness", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  const db = () => testDb.db;
  const readScore = async (attemptId: string) =>
    (await db().select({ score: schema.examAttempt.score, maxScore: schema.examAttempt.maxScore }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId)))[0];

  beforeAll(async () => {
    testDb = await createTestDb();
    for (const difficulty of ["core", "advanced"] as const) await seedExercise(testDb.db, { difficulty, kind: "implement", points: 10 });
  });
  afterAll(() => testDb.close());

  it("stores the score at submission when Part B is already graded, and otherwise when two gradings end together", async () => {
    const early = await seedUser(db());
    const graded = await startMockExam(db(), early.id, clock);
    const [row] = await db().select({ exerciseIds: schema.examAttempt.exerciseIds }).from(schema.examAttempt).where(eq(schema.examAttempt.id, graded.attemptId));
    await seedSubmission(db(), { userId: early.id, exerciseId: row!.exerciseIds[0]!, examAttemptId: graded.attemptId, status: "passed", score: 10, maxScore: 10 });
    await submitExamAttempt(db(), early.id, graded.attemptId, clock);
    expect(await readScore(graded.attemptId)).toEqual({ score: 20, maxScore: 100 });

    const late = await seedUser(db());
    const pending = await startMockExam(db(), late.id, clock);
    const running = await Promise.all(
      row!.exerciseIds.map((exerciseId) => seedSubmission(db(), { userId: late.id, exerciseId, examAttemptId: pending.attemptId, status: "running" })),
    );
    await submitExamAttempt(db(), late.id, pending.attemptId, clock);
    expect(await readScore(pending.attemptId)).toEqual({ score: null, maxScore: null });
    // Each transaction sees the other's submission still running; the attempt's row lock orders them.
    await Promise.all(running.map((s) => storeGradingResult(db(), s.id, makeGradedReport({ exerciseId: s.exerciseId, score: 5, status: "failed" }))));
    expect(await readScore(pending.attemptId)).toEqual({ score: 20, maxScore: 100 });
  });

  it("estimates readiness per chapter from quiz and finished mock answers, recent ones weighing more, with too few answers saying so", async () => {
    const learner = await seedUser(db());
    const chapterOne = listChapters().find((c) => c.number === 1)!;
    const questions = chapterOne.sections.flatMap((s) => s.quiz.questions.map((q) => ({ section: s.id, q })));
    expect(questions.length).toBeGreaterThanOrEqual(6);
    const recent = questions.slice(0, 3);
    const old = questions.slice(3, 6);
    const insert = (entries: typeof questions, isRight: boolean, createdAt: Date) =>
      Promise.all(
        entries.map(({ section, q }) =>
          db()
            .insert(schema.quizAttempt)
            .values({
              userId: learner.id,
              sectionId: section,
              answers: { [q.id]: isRight ? q.answer : [q.choices.find((c) => !q.answer.includes(c.id))!.id] },
              score: isRight ? 1 : 0,
              maxScore: 1,
              createdAt,
            }),
        ),
      );
    await insert(recent, true, now);
    await insert(old, false, daysAgo(14));
    // An exam in progress says nothing yet: its answers are not graded until it ends.
    const { attemptId } = await startMockExam(db(), learner.id, clock);
    const [attempt] = await db().select({ questionIds: schema.examAttempt.questionIds }).from(schema.examAttempt).where(eq(schema.examAttempt.id, attemptId));
    const chapterTwo = attempt!.questionIds.filter((id) => id.startsWith("2."));
    const answers = Object.fromEntries(chapterTwo.map((id) => [id, { choiceIds: getSection(id.slice(0, id.indexOf("-")))!.quiz.questions.find((q) => q.id === id)!.answer, savedAt: now.toISOString() }]));
    await db().update(schema.examAttempt).set({ answers }).where(eq(schema.examAttempt.id, attemptId));

    const before = await getExamReadiness(db(), learner.id, clock);
    expect(before.chapters.map((c) => c.chapter)).toEqual(examBlueprint.partA.chapters.map((c) => c.chapter));
    // 3 right today (weight 1), 3 wrong two weeks ago (weight 0.5): 3 / 4.5.
    expect(before.chapters[0]).toMatchObject({ chapter: 1, answered: 6, state: "estimated", estimatePercent: 66.7 });
    expect(before.chapters[1]).toMatchObject({ chapter: 2, answered: 0, state: "not-enough-data", estimatePercent: null });

    await submitExamAttempt(db(), learner.id, attemptId, clock);
    const after = await getExamReadiness(db(), learner.id, clock);
    expect(after.chapters[1]).toMatchObject({ chapter: 2, answered: chapterTwo.length, state: "estimated", estimatePercent: 100 });
  });
});
