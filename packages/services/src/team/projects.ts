import type { Db } from "@academy/db";
import { and, asc, eq, schema, withTransaction } from "@academy/db";

import { findTaughtCohort } from "../cohort/cohort-access";
import { DomainError } from "../domain-error";
import { findTaughtProject, type TeamViewer } from "./team-access";

const DAY_MS = 86_400_000;

type TeamSizeBounds = { minTeamSize: number; maxTeamSize: number };

function assertSizeBounds(bounds: TeamSizeBounds) {
  if (bounds.minTeamSize < 1 || bounds.maxTeamSize < bounds.minTeamSize) {
    throw new DomainError("BAD_REQUEST", "Team sizes need 1 ≤ smallest ≤ largest.");
  }
}

export type CreateTeamProjectInput = TeamSizeBounds & {
  cohortId: string;
  exerciseId: string;
  title?: string;
  startsAt: Date;
  allowsSelfJoin: boolean;
  viewer: TeamViewer;
};

/**
 * A cohort's team project from a template: each of the template's milestones is due its
 * suggested number of days after the start (editable afterwards); a milestone without one has no due date.
 */
export async function createTeamProject(db: Db, input: CreateTeamProjectInput) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  assertSizeBounds(input);
  const [template] = await db
    .select({ id: schema.exercise.id, title: schema.exercise.title, isTeamTemplate: schema.exercise.isTeamTemplate, isArchived: schema.exercise.isArchived })
    .from(schema.exercise)
    .where(eq(schema.exercise.id, input.exerciseId));
  if (!template || template.isArchived) throw new DomainError("NOT_FOUND", `There is no project template "${input.exerciseId}".`);
  if (!template.isTeamTemplate) throw new DomainError("BAD_REQUEST", `"${template.title}" is a solo exercise, not a team-project template.`);
  const milestones = await db
    .select({ key: schema.exerciseMilestone.key, title: schema.exerciseMilestone.title, position: schema.exerciseMilestone.position, dueOffsetDays: schema.exerciseMilestone.dueOffsetDays })
    .from(schema.exerciseMilestone)
    .where(and(eq(schema.exerciseMilestone.exerciseId, template.id), eq(schema.exerciseMilestone.isArchived, false)))
    .orderBy(asc(schema.exerciseMilestone.position));
  return withTransaction(db, async (tx) => {
    const [project] = await tx
      .insert(schema.cohortProject)
      .values({
        cohortId: input.cohortId,
        exerciseId: template.id,
        title: input.title?.trim() || template.title,
        startsAt: input.startsAt,
        minTeamSize: input.minTeamSize,
        maxTeamSize: input.maxTeamSize,
        allowsSelfJoin: input.allowsSelfJoin,
        createdBy: input.viewer.id,
      })
      .returning({ id: schema.cohortProject.id });
    if (milestones.length > 0) {
      await tx.insert(schema.milestone).values(
        milestones.map((m) => ({
          projectId: project!.id,
          key: m.key,
          title: m.title,
          position: m.position,
          dueAt: m.dueOffsetDays === null ? null : new Date(input.startsAt.getTime() + m.dueOffsetDays * DAY_MS),
        })),
      );
    }
    return { id: project!.id };
  });
}

export type UpdateTeamProjectInput = Partial<TeamSizeBounds> & {
  projectId: string;
  title?: string;
  allowsSelfJoin?: boolean;
  /** A new start moves every milestone's due date by the same amount. */
  startsAt?: Date;
  milestoneDueDates?: { key: string; dueAt: Date | null }[];
  viewer: TeamViewer;
};

export async function updateTeamProject(db: Db, input: UpdateTeamProjectInput) {
  const project = await findTaughtProject(db, input.projectId, input.viewer);
  const bounds = { minTeamSize: input.minTeamSize ?? project.minTeamSize, maxTeamSize: input.maxTeamSize ?? project.maxTeamSize };
  assertSizeBounds(bounds);
  return withTransaction(db, async (tx) => {
    await tx
      .update(schema.cohortProject)
      .set({ ...bounds, title: input.title?.trim() || project.title, allowsSelfJoin: input.allowsSelfJoin ?? project.allowsSelfJoin, startsAt: input.startsAt ?? project.startsAt })
      .where(eq(schema.cohortProject.id, project.id));
    const milestones = await tx
      .select({ id: schema.milestone.id, key: schema.milestone.key, dueAt: schema.milestone.dueAt })
      .from(schema.milestone)
      .where(eq(schema.milestone.projectId, project.id));
    const shiftMs = input.startsAt ? input.startsAt.getTime() - project.startsAt.getTime() : 0;
    for (const milestone of milestones) {
      const edited = input.milestoneDueDates?.find((m) => m.key === milestone.key);
      const dueAt = edited ? edited.dueAt : milestone.dueAt && shiftMs !== 0 ? new Date(milestone.dueAt.getTime() + shiftMs) : milestone.dueAt;
      if (dueAt !== milestone.dueAt) await tx.update(schema.milestone).set({ dueAt }).where(eq(schema.milestone.id, milestone.id));
    }
    const unknown = input.milestoneDueDates?.find((m) => !milestones.some((known) => known.key === m.key));
    if (unknown) throw new DomainError("BAD_REQUEST", `This project has no milestone "${unknown.key}".`);
    return { id: project.id };
  });
}

/** The cohort's team projects, for its instructors. */
export async function listCohortTeamProjects(db: Db, input: { cohortId: string; viewer: TeamViewer }) {
  await findTaughtCohort(db, input.cohortId, input.viewer);
  return db
    .select({
      id: schema.cohortProject.id,
      title: schema.cohortProject.title,
      exerciseId: schema.cohortProject.exerciseId,
      startsAt: schema.cohortProject.startsAt,
      minTeamSize: schema.cohortProject.minTeamSize,
      maxTeamSize: schema.cohortProject.maxTeamSize,
      allowsSelfJoin: schema.cohortProject.allowsSelfJoin,
      createdAt: schema.cohortProject.createdAt,
    })
    .from(schema.cohortProject)
    .where(eq(schema.cohortProject.cohortId, input.cohortId))
    .orderBy(asc(schema.cohortProject.createdAt));
}

/** The templates an instructor can start a project from. */
export async function listTeamProjectTemplates(db: Db) {
  return db
    .select({ id: schema.exercise.id, title: schema.exercise.title })
    .from(schema.exercise)
    .where(and(eq(schema.exercise.isTeamTemplate, true), eq(schema.exercise.isArchived, false)))
    .orderBy(asc(schema.exercise.title));
}
