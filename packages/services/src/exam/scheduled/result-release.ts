import type { Db } from "@academy/db";
import { and, eq, isNull, schema } from "@academy/db";

import type { CohortViewer } from "../../cohort/cohort-access";
import { DomainError } from "../../domain-error";
import type { Clock } from "../clock";
import { systemClock } from "../clock";
import { findTaughtCohortExam } from "./cohort-exam-access";

const { exam } = schema;

/** True while the exam's scores are held back: a scheduled exam whose instructor has not released them. Mocks never are. */
export async function isResultWithheld(db: Db, examId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: exam.id })
    .from(exam)
    .where(and(eq(exam.id, examId), eq(exam.kind, "exam"), isNull(exam.resultsReleasedAt)));
  return row !== undefined;
}

/** The refusal a learner gets for a score not yet released: the attempt is submitted, nothing more is said. */
export function resultNotReleased(): DomainError {
  return new DomainError("PRECONDITION_FAILED", "Submitted. Your instructor has not released this exam's results yet: your score appears here once they do.");
}


/** An instructor of the cohort releases the results; releasing again keeps the first time. */
export async function releaseCohortExamResults(db: Db, input: { examId: string; viewer: CohortViewer }, clock: Clock = systemClock) {
  const { exam: current } = await findTaughtCohortExam(db, input.examId, input.viewer);
  const now = clock();
  // Released while learners still sit it, the scores (and so the answers' rightness) would reach them mid-exam.
  if (now.getTime() < current.closesAt.getTime()) {
    throw new DomainError("PRECONDITION_FAILED", `This exam is open until ${current.closesAt.toISOString()}: you can release its results once it has closed.`);
  }
  await db
    .update(exam)
    .set({ resultsReleasedAt: now })
    .where(and(eq(exam.id, current.id), isNull(exam.resultsReleasedAt)));
  const [row] = await db.select({ resultsReleasedAt: exam.resultsReleasedAt }).from(exam).where(eq(exam.id, current.id));
  return { examId: current.id, resultsReleasedAt: row!.resultsReleasedAt! };
}
