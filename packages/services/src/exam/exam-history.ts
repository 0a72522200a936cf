import type { Db } from "@academy/db";
import { desc, eq, schema } from "@academy/db";

import type { PartBSubmission } from "./score-exam";
import { countSecondsUsed, listPartBSubmissions, readExercisePoints, scoreAttempt } from "./score-exam";
import { parseExamBlueprint } from "./exam-bank";

/** A scheduled exam's scores stay with the instructor until released; a mock's are the learner's at once. */
function isResultReleased(exam: { examKind: "mock" | "exam"; resultsReleasedAt: Date | null }) {
  return exam.examKind === "mock" || exam.resultsReleasedAt !== null;
}

/**
 * The learner's attempts, newest first, for the history table and its trend chart: the overall
 * score and pass once Part B is graded, each part's share, and the time used.
 */
export async function listExamHistory(db: Db, userId: string) {
  const { examAttempt, exam } = schema;
  const attempts = await db
    .select({
      attemptId: examAttempt.id,
      examId: examAttempt.examId,
      examTitle: exam.title,
      examKind: exam.kind,
      resultsReleasedAt: exam.resultsReleasedAt,
      blueprint: exam.blueprint,
      status: examAttempt.status,
      exerciseIds: examAttempt.exerciseIds,
      startedAt: examAttempt.startedAt,
      deadlineAt: examAttempt.deadlineAt,
      submittedAt: examAttempt.submittedAt,
      partAScore: examAttempt.partAScore,
      partAMaxScore: examAttempt.partAMaxScore,
    })
    .from(examAttempt)
    .innerJoin(exam, eq(exam.id, examAttempt.examId))
    .where(eq(examAttempt.userId, userId))
    .orderBy(desc(examAttempt.startedAt));
  const [points, submissions] = await Promise.all([
    readExercisePoints(db, attempts.flatMap((a) => a.exerciseIds)),
    listPartBSubmissions(db, attempts.map((a) => a.attemptId)),
  ]);
  const submissionsOf = new Map<string, PartBSubmission[]>();
  for (const s of submissions) submissionsOf.set(s.examAttemptId!, [...(submissionsOf.get(s.examAttemptId!) ?? []), s]);
  return attempts.map((attempt) => {
    const { attemptId, examId, examTitle, examKind, status, startedAt, deadlineAt, submittedAt } = attempt;
    const base = { attemptId, examId, examTitle, examKind, status, startedAt, deadlineAt, submittedAt };
    const isShown = status !== "in-progress" && attempt.partAScore !== null && attempt.partAMaxScore !== null && isResultReleased(attempt);
    if (!isShown) {
      const nothing = { timeUsedSeconds: null, score: null, maxScore: null, isPassed: null, grading: null, partAScore: null, partAMaxScore: null, partAPercent: null, partBPercent: null };
      return { ...base, isResultWithheld: status !== "in-progress", ...nothing };
    }
    const scored = scoreAttempt(
      parseExamBlueprint(attempt.blueprint),
      { score: attempt.partAScore!, maxScore: attempt.partAMaxScore! },
      attempt.exerciseIds.map((id) => ({ id, points: points.get(id) ?? 0 })),
      submissionsOf.get(attemptId) ?? [],
    );
    return {
      ...base,
      isResultWithheld: false,
      timeUsedSeconds: countSecondsUsed(attempt),
      score: scored.score,
      maxScore: scored.maxScore,
      isPassed: scored.isPassed,
      grading: scored.partB.grading,
      partAScore: attempt.partAScore,
      partAMaxScore: attempt.partAMaxScore,
      partAPercent: scored.partA.percent,
      partBPercent: scored.partB.percent,
    };
  });
}
