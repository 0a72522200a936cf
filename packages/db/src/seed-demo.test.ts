import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cohort, cohortMembership, user } from "./schema";
import { demoAccounts, seedDemoData } from "./seed-demo";
import { createTestDb } from "./testing";

describe("seedDemoData", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  it("puts the demo instructor in the demo cohort as its instructor, the learners as learners, and runs twice unchanged", async () => {
    await seedDemoData(testDb.db);
    await seedDemoData(testDb.db);
    const members = await testDb.db
      .select({ email: user.email, role: cohortMembership.role, inviteCode: cohort.inviteCode })
      .from(cohortMembership)
      .innerJoin(user, eq(user.id, cohortMembership.userId))
      .innerJoin(cohort, eq(cohort.id, cohortMembership.cohortId))
      .where(eq(cohort.name, "Demo cohort · Autumn"));
    expect(members.map(({ email, role }) => ({ email, role })).sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      [
        { email: demoAccounts.instructor.email, role: "instructor" },
        ...demoAccounts.learners.map((learner) => ({ email: learner.email, role: "learner" })),
      ].sort((a, b) => a.email.localeCompare(b.email)),
    );
    expect(members[0]!.inviteCode).toMatch(/^[0-9a-z]{16,}$/);
  });
});
