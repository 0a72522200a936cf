import { gradingReportSchema, type GradingReport } from "@academy/submission-lifecycle";

import fixture from "./graded-report.fixture.json" with { type: "json" };

/**
 * A report as the grader produced it (`pnpm grade exercises/apirouter-library` on its starter: 0.91
 * of 10, 11 tests, 8 of them hidden), for tests that store a grading's result the grader's way.
 * A test may set the exercise, status and score it needs; the rest stays as graded.
 */
export function makeGradedReport(overrides: Partial<Pick<GradingReport, "exerciseId" | "status" | "score" | "maxScore">> = {}): GradingReport {
  return gradingReportSchema.parse({ ...fixture, ...overrides });
}
