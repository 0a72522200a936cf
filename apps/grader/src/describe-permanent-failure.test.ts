import { MilestoneNotFoundError } from "@academy/sandbox";
import { describe, expect, it } from "vitest";

import { describePermanentFailure } from "./describe-permanent-failure";

describe("describePermanentFailure", () => {
  it("tells a team whose submission names a milestone the project lost to submit it again", () => {
    expect(describePermanentFailure(new MilestoneNotFoundError("library-loans-team-project", "reports"))).toMatch(/no longer has.*Submit it again/);
  });

  it("leaves an infrastructure error to the queue's retries", () => {
    expect(describePermanentFailure(new Error("connect ECONNREFUSED"))).toBeUndefined();
  });
});
