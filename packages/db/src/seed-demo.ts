import { eq } from "drizzle-orm";

import type { Db } from "./client";
import { cohort, cohortMembership, user } from "./schema";
import { seedCohort, seedUser } from "./testing/factories";

export const demoAccounts = {
  instructor: { name: "Irene Instructor", email: "instructor@academy.test", password: "instructor-pass-1", role: "instructor" as const },
  learners: [
    { name: "Ada Lovelace", email: "ada@academy.test", password: "learner-pass-1", role: "learner" as const },
    { name: "Grace Hopper", email: "grace@academy.test", password: "learner-pass-1", role: "learner" as const },
    { name: "Linus Torvalds", email: "linus@academy.test", password: "learner-pass-1", role: "learner" as const },
  ],
};

export const DEMO_COHORT_NAME = "Demo cohort · Autumn";

/** Idempotent: the start command runs it every time, and it only adds what is missing. */
export async function seedDemoData(db: Db) {
  const ensureUser = async (account: (typeof demoAccounts.learners)[number] | typeof demoAccounts.instructor) => {
    const [existing] = await db.select().from(user).where(eq(user.email, account.email));
    return existing ?? seedUser(db, account);
  };
  const instructor = await ensureUser(demoAccounts.instructor);
  const learners = [];
  for (const account of demoAccounts.learners) learners.push(await ensureUser(account));
  const [existingCohort] = await db.select().from(cohort).where(eq(cohort.name, DEMO_COHORT_NAME));
  if (!existingCohort) {
    await seedCohort(db, { instructorId: instructor.id, name: DEMO_COHORT_NAME, memberIds: learners.map((l) => l.id) });
  } else {
    // A cohort seeded before memberships had roles: the demo instructor teaches it as a member.
    await db
      .insert(cohortMembership)
      .values({ cohortId: existingCohort.id, userId: instructor.id, role: "instructor" })
      .onConflictDoUpdate({ target: [cohortMembership.cohortId, cohortMembership.userId], set: { role: "instructor" } });
  }
  return demoAccounts;
}
