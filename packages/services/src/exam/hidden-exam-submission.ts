import { schema, sql } from "@academy/db";

import { DomainError } from "../domain-error";

/**
 * True for a submission of an exam attempt whose result its learner may not see yet: the attempt
 * is in progress, or it is a scheduled exam whose results the instructor has not released. Such a
 * submission is shown only by the exam's own procedures, as received or graded.
 */
export const isHiddenExamSubmissionSql = sql<boolean>`exists (
  select 1 from ${schema.examAttempt} a join ${schema.exam} e on e.id = a.exam_id
  where a.id = ${schema.submission.examAttemptId}
    and (a.status = 'in-progress' or (e.kind = 'exam' and e.results_released_at is null)))`;

export function examSubmissionHidden(): DomainError {
  return new DomainError("PRECONDITION_FAILED", "This submission belongs to an exam whose result is not out yet: the exam page shows it as received or graded.");
}
