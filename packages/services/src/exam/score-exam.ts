import type { ExamBlueprint } from "@academy/content";
import type { DbExecutor } from "@academy/db";
import { and, asc, eq, inArray, schema } from "@academy/db";
import { isFinalStatus } from "@academy/submission-lifecycle";

import { sumScores } from "../submission/sum-scores";
import { parseExamBlueprint } from "./exam-bank";

/** A Part B submission as scoring needs it: graded ones carry a score (null when the grader never ran the code). */
export type PartBSubmission = {
  id: string;
  exerciseId: string;
  status: (typeof schema.submission.$inferSelect)["status"];
  score: number | null;
  createdAt: Date;
};

/** `not-submitted`: nothing sent; `grading`: a submission is queued or running; `graded`: every one is final. */
export type PartBGrading = "not-submitted" | "grading" | "graded";

const roundToHundredths = (value: number) => Math.round(value * 100) / 100;

/** The submissions of the attempts' Part B, oldest first; practice runs ("run visible tests") never count. */
export function listPartBSubmissions(db: DbExecutor, attemptIds: string[]) {
  const { submission } = schema;
  return db
    .select({
      id: submission.id,
      examAttemptId: submission.examAttemptId,
      exerciseId: submission.exerciseId,
      status: submission.status,
      score: submission.score,
      maxScore: submission.maxScore,
      createdAt: submission.createdAt,
    })
    .from(submission)
    .where(and(inArray(submission.examAttemptId, attemptIds), eq(submission.mode, "submit")))
    .orderBy(asc(submission.createdAt));
}

/**
 * One exercise of Part B: the best final submission counts (the blueprint's "best-submission"), as
 * its score over the exercise's points; an earlier submission wins a tie. A submission the grader
 * could not run counts 0.
 */
export function scorePartBExercise(exercise: { id: string; points: number }, submissions: readonly PartBSubmission[]) {
  const own = submissions.filter((s) => s.exerciseId === exercise.id);
  const graded = own.filter((s) => isFinalStatus(s.status));
  const best = graded.reduce<PartBSubmission | undefined>((top, s) => (!top || (s.score ?? 0) > (top.score ?? 0) ? s : top), undefined);
  const grading: PartBGrading = own.length === 0 ? "not-submitted" : graded.length < own.length ? "grading" : "graded";
  const bestScore = best ? (best.score ?? 0) : null;
  return {
    exerciseId: exercise.id,
    points: exercise.points,
    grading,
    submissionCount: own.length,
    bestSubmissionId: best?.id ?? null,
    bestScore,
    /** Share of the exercise's points, 0 to 1; 0 when nothing was submitted. */
    fraction: exercise.points > 0 ? Math.min(1, (bestScore ?? 0) / exercise.points) : 0,
  };
}

/**
 * The attempt's score out of 100 from its parts, weighted as the blueprint sets them (Part A's
 * share of questions right; Part B, each exercise's share of its points, the exercises weighing
 * alike). Part B is final once none of its submissions is pending; until then the overall score
 * and the pass are null.
 */
export function scoreAttempt(
  blueprint: ExamBlueprint,
  partA: { score: number; maxScore: number },
  exercises: readonly { id: string; points: number }[],
  submissions: readonly PartBSubmission[],
) {
  const partBExercises = exercises.map((exercise) => scorePartBExercise(exercise, submissions));
  const isPartBFinal = partBExercises.every((e) => e.grading !== "grading");
  const partAPercent = roundToHundredths(partA.maxScore === 0 ? 0 : (100 * partA.score) / partA.maxScore);
  const partBPercent = roundToHundredths(
    partBExercises.length === 0 ? 0 : (100 * partBExercises.reduce((sum, e) => sum + e.fraction, 0)) / partBExercises.length,
  );
  const weighted = sumScores([
    roundToHundredths((partAPercent * blueprint.partA.weightPercent) / 100),
    roundToHundredths((partBPercent * blueprint.partB.weightPercent) / 100),
  ]);
  const score = isPartBFinal ? weighted : null;
  return {
    partA: { percent: partAPercent, weightPercent: blueprint.partA.weightPercent },
    partB: { percent: isPartBFinal ? partBPercent : null, weightPercent: blueprint.partB.weightPercent, grading: isPartBFinal ? ("final" as const) : ("grading" as const), exercises: partBExercises },
    score,
    maxScore: 100,
    passPercent: blueprint.passPercent,
    isPassed: score === null ? null : score >= blueprint.passPercent,
  };
}

export type AttemptScore = ReturnType<typeof scoreAttempt>;

/** From the start to the submission, which for an attempt the deadline ended is the deadline. */
export function countSecondsUsed(attempt: { startedAt: Date; submittedAt: Date | null }) {
  return Math.max(0, Math.round(((attempt.submittedAt ?? attempt.startedAt).getTime() - attempt.startedAt.getTime()) / 1000));
}

/** Each exercise's points, for the attempts' exercise ids. */
export async function readExercisePoints(db: DbExecutor, exerciseIds: string[]) {
  const rows = await db
    .select({ id: schema.exercise.id, points: schema.exercise.points })
    .from(schema.exercise)
    .where(inArray(schema.exercise.id, [...new Set(exerciseIds)]));
  return new Map(rows.map((row) => [row.id, row.points]));
}

/** The exam's blueprint, and whether its scores are still held back (a scheduled exam's, until its instructor releases them). */
export async function readExamRules(db: DbExecutor, examId: string) {
  const [row] = await db
    .select({ blueprint: schema.exam.blueprint, kind: schema.exam.kind, resultsReleasedAt: schema.exam.resultsReleasedAt })
    .from(schema.exam)
    .where(eq(schema.exam.id, examId));
  return { blueprint: parseExamBlueprint(row!.blueprint), isResultWithheld: row!.kind === "exam" && row!.resultsReleasedAt === null };
}

/**
 * Stores a finished attempt's overall score once every Part B submission is final, in the caller's
 * transaction: when the attempt ends, and whenever one of its submissions is graded. The attempt
 * row is locked first, so two gradings finishing together (each seeing the other still pending in
 * its own snapshot) cannot both skip it: the second to lock reads the first's committed result.
 */
export async function settleExamAttemptScore(tx: DbExecutor, attemptId: string) {
  const { examAttempt } = schema;
  const [attempt] = await tx
    .select({
      id: examAttempt.id,
      examId: examAttempt.examId,
      status: examAttempt.status,
      exerciseIds: examAttempt.exerciseIds,
      partAScore: examAttempt.partAScore,
      partAMaxScore: examAttempt.partAMaxScore,
    })
    .from(examAttempt)
    .where(eq(examAttempt.id, attemptId))
    .for("update");
  if (!attempt || attempt.status === "in-progress" || attempt.partAScore === null || attempt.partAMaxScore === null) return null;
  // One after another: a transaction is one connection, which runs one query at a time.
  const { blueprint } = await readExamRules(tx, attempt.examId);
  const points = await readExercisePoints(tx, attempt.exerciseIds);
  const submissions = await listPartBSubmissions(tx, [attempt.id]);
  const exercises = attempt.exerciseIds.map((id) => ({ id, points: points.get(id) ?? 0 }));
  const scored = scoreAttempt(blueprint, { score: attempt.partAScore, maxScore: attempt.partAMaxScore }, exercises, submissions);
  await tx.update(examAttempt).set({ score: scored.score, maxScore: scored.score === null ? null : scored.maxScore }).where(eq(examAttempt.id, attempt.id));
  return scored;
}
