import { randomBytes, randomUUID } from "node:crypto";

import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";

import type { DbExecutor } from "../client";
import { account, cohort, cohortMembership, cohortProject, exercise, exerciseVersion, submission, team, teamProject, user } from "../schema";
import type { SubmittedFile } from "../schema";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

type Role = "learner" | "instructor" | "admin";

/** A user with an email/password credential in the auth library's own format. */
export async function seedUser(db: DbExecutor, overrides: { name?: string; email?: string; role?: Role; password?: string } = {}) {
  const id = randomUUID();
  const suffix = unique();
  const [row] = await db
    .insert(user)
    .values({
      id,
      name: overrides.name ?? `Learner ${suffix}`,
      email: overrides.email ?? `user-${suffix}@example.test`,
      role: overrides.role ?? "learner",
      emailVerified: true,
    })
    .returning();
  if (overrides.password) {
    await db.insert(account).values({
      id: randomUUID(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: await hashPassword(overrides.password),
    });
  }
  return row!;
}

/** The instructor becomes the cohort's instructor member; memberIds join as learners. */
export async function seedCohort(
  db: DbExecutor,
  options: { instructorId: string; name?: string; memberIds?: string[]; inviteCode?: string; archivedAt?: Date },
) {
  const [row] = await db
    .insert(cohort)
    .values({
      name: options.name ?? `Cohort ${unique()}`,
      instructorId: options.instructorId,
      inviteCode: options.inviteCode ?? randomBytes(10).toString("hex"),
      archivedAt: options.archivedAt,
    })
    .returning();
  await db.insert(cohortMembership).values([
    { cohortId: row!.id, userId: options.instructorId, role: "instructor" as const },
    ...(options.memberIds ?? []).map((userId) => ({ cohortId: row!.id, userId, role: "learner" as const })),
  ]);
  return row!;
}

export async function seedExercise(
  db: DbExecutor,
  overrides: Partial<typeof exercise.$inferInsert> & { contentHash?: string } = {},
) {
  const id = overrides.id ?? `exercise-${unique()}`;
  const versionId = `${id}@${overrides.contentHash ?? "v1"}`;
  const { contentHash: _ignored, ...values } = overrides;
  const [row] = await db
    .insert(exercise)
    .values({ title: `Exercise ${id}`, section: "3.1", files: ["main.py"], ...values, id, currentVersionId: versionId })
    .returning();
  await db.insert(exerciseVersion).values({ id: versionId, exerciseId: id, contentHash: overrides.contentHash ?? "v1" });
  return row!;
}

export async function seedSubmission(
  db: DbExecutor,
  options: { userId: string; exerciseId: string; files?: SubmittedFile[] } & Partial<typeof submission.$inferInsert>,
) {
  const [ex] = await db.select({ currentVersionId: exercise.currentVersionId }).from(exercise).where(eq(exercise.id, options.exerciseId));
  const [row] = await db
    .insert(submission)
    .values({
      exerciseVersionId: ex!.currentVersionId!,
      files: options.files ?? [{ name: "main.py", content: "from fastapi import FastAPI\napp = FastAPI()\n" }],
      ...options,
    })
    .returning();
  return row!;
}

/**
 * A team of one learner in a cohort's project built on a team template (the template must be
 * synced): what a milestone submission names. Returns the team's `team_project` id.
 */
export async function seedTeamProject(db: DbExecutor, options: { memberId: string; exerciseId: string }) {
  const instructor = await seedUser(db, { role: "instructor" });
  const taught = await seedCohort(db, { instructorId: instructor.id, memberIds: [options.memberId] });
  const [project] = await db
    .insert(cohortProject)
    .values({ cohortId: taught.id, exerciseId: options.exerciseId, title: "Team project", startsAt: new Date(), minTeamSize: 1, maxTeamSize: 3, createdBy: instructor.id })
    .returning({ id: cohortProject.id });
  const [created] = await db.insert(team).values({ projectId: project!.id, name: "Team", joinCode: `code-${randomUUID().slice(0, 8)}` }).returning({ id: team.id });
  const [workspace] = await db.insert(teamProject).values({ teamId: created!.id }).returning({ id: teamProject.id });
  return workspace!.id;
}
