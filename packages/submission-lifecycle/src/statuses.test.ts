import { submissionStatus } from "@academy/db/enums";
import { gradingReportSchema } from "@academy/sandbox/contract";
import { describe, expect, expectTypeOf, it } from "vitest";

import type { FinalStatus } from "./statuses";
import { FINAL_STATUSES, isFinalStatus, isPendingStatus, PENDING_STATUSES, SUBMISSION_STATUSES } from "./statuses";

describe("submission statuses", () => {
  it("are the database enum's, split into pending and final with none left out or in both", () => {
    expect(SUBMISSION_STATUSES).toEqual(submissionStatus.enumValues);
    expect([...PENDING_STATUSES]).toEqual(["queued", "running"]);
    expect([...FINAL_STATUSES]).toEqual(["passed", "failed", "error", "timeout"]);
    expect([...PENDING_STATUSES, ...FINAL_STATUSES].sort()).toEqual([...submissionStatus.enumValues].sort());
  });

  it("are the statuses a report can end a submission in, and only those, when final", () => {
    expect(new Set(gradingReportSchema.shape.status.options)).toEqual(FINAL_STATUSES);
    expectTypeOf<(typeof gradingReportSchema.shape.status.options)[number]>().toEqualTypeOf<FinalStatus>();
  });

  it.each(submissionStatus.enumValues)("tells whether %s is final or pending, one or the other", (status) => {
    expect(isFinalStatus(status)).toBe(!isPendingStatus(status));
  });

  it.each([undefined, null, "", "Passed", "cancelled"])("takes %o for neither", (status) => {
    expect(isFinalStatus(status)).toBe(false);
    expect(isPendingStatus(status)).toBe(false);
  });
});
