import type { Db } from "@academy/db";
import { and, eq, schema, sql } from "@academy/db";

import type { CohortViewer } from "../cohort/cohort-access";
import { DomainError } from "../domain-error";

export type TeamViewer = CohortViewer;

const teamColumns = {
  id: schema.team.id,
  name: schema.team.name,
  joinCode: schema.team.joinCode,
  projectId: schema.team.projectId,
  teamProjectId: schema.teamProject.id,
  cohortId: schema.cohortProject.cohortId,
  exerciseId: schema.cohortProject.exerciseId,
  projectTitle: schema.cohortProject.title,
  minTeamSize: schema.cohortProject.minTeamSize,
  maxTeamSize: schema.cohortProject.maxTeamSize,
  allowsSelfJoin: schema.cohortProject.allowsSelfJoin,
};

/**
 * The team with the viewer's standing in it, in one query: a member (still a learner of its cohort),
 * one of its cohort's instructors (or an admin), or nobody. Every team service reads and writes through the two
 * checks below, so a learner never sees another team's board, code or results.
 */
async function findTeamWithStanding(db: Db, target: TeamTarget, viewer: TeamViewer) {
  const [row] = await db
    .select({ ...teamColumns, memberId: schema.teamMembership.userId, cohortRole: schema.cohortMembership.role })
    .from(schema.team)
    .innerJoin(schema.cohortProject, eq(schema.cohortProject.id, schema.team.projectId))
    .innerJoin(schema.teamProject, eq(schema.teamProject.teamId, schema.team.id))
    .leftJoin(schema.teamMembership, and(eq(schema.teamMembership.teamId, schema.team.id), eq(schema.teamMembership.userId, viewer.id)))
    .leftJoin(schema.cohortMembership, and(eq(schema.cohortMembership.cohortId, schema.cohortProject.cohortId), eq(schema.cohortMembership.userId, viewer.id)))
    .where(eq(schema.team.id, "taskId" in target ? sql`(select ${schema.task.teamId} from ${schema.task} where ${schema.task.id} = ${target.taskId})` : target.teamId));
  if (!row) throw new DomainError("NOT_FOUND", "taskId" in target ? "This task does not exist (it may have been deleted)." : "This team does not exist.");
  const { memberId, cohortRole, ...team } = row;
  // A team membership counts only while its learner is still in the project's cohort: a removal racing a join leaves nothing open.
  return { team, isMember: memberId !== null && cohortRole === "learner", isInstructor: viewer.role === "admin" || cohortRole === "instructor" };
}

/** A team by its id, or the team a task belongs to (one query either way). */
export type TeamTarget = { teamId: string } | { taskId: string };

export type TeamRow = Awaited<ReturnType<typeof findTeamWithStanding>>["team"];

/** The team if the viewer is one of its members or teaches its cohort; reads go through this. */
export async function findViewableTeam(db: Db, target: string | TeamTarget, viewer: TeamViewer) {
  const found = await findTeamWithStanding(db, typeof target === "string" ? { teamId: target } : target, viewer);
  if (!found.isMember && !found.isInstructor) throw new DomainError("FORBIDDEN", "You can only see your own team.");
  return found;
}

/** The team if the viewer is one of its members; the board, the code and submissions are changed through this. */
export async function findMemberTeam(db: Db, target: string | TeamTarget, viewer: TeamViewer) {
  const found = await findTeamWithStanding(db, typeof target === "string" ? { teamId: target } : target, viewer);
  if (!found.isMember) {
    throw new DomainError("FORBIDDEN", found.isInstructor ? "Only the team's members can change its work; instructors can read it." : "You can only work in your own team.");
  }
  return found.team;
}

/** A cohort project if the viewer teaches its cohort (or is an admin). */
export async function findTaughtProject(db: Db, projectId: string, viewer: TeamViewer) {
  const [row] = await db
    .select({
      id: schema.cohortProject.id,
      cohortId: schema.cohortProject.cohortId,
      exerciseId: schema.cohortProject.exerciseId,
      title: schema.cohortProject.title,
      startsAt: schema.cohortProject.startsAt,
      minTeamSize: schema.cohortProject.minTeamSize,
      maxTeamSize: schema.cohortProject.maxTeamSize,
      allowsSelfJoin: schema.cohortProject.allowsSelfJoin,
      cohortRole: schema.cohortMembership.role,
    })
    .from(schema.cohortProject)
    .leftJoin(schema.cohortMembership, and(eq(schema.cohortMembership.cohortId, schema.cohortProject.cohortId), eq(schema.cohortMembership.userId, viewer.id)))
    .where(eq(schema.cohortProject.id, projectId));
  if (!row) throw new DomainError("NOT_FOUND", "This team project does not exist.");
  const { cohortRole, ...project } = row;
  if (viewer.role !== "admin" && cohortRole !== "instructor") throw new DomainError("FORBIDDEN", "Only this cohort's instructors can manage its team projects.");
  return project;
}

export type TaughtProject = Awaited<ReturnType<typeof findTaughtProject>>;
