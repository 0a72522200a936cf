import { randomInt } from "node:crypto";
import path from "node:path";

import { loadExercise } from "@academy/exercises";
import type { Db } from "@academy/db";
import { and, asc, count, eq, inArray, schema, sql, withTransaction } from "@academy/db";

import { createInviteCode, normalizeInviteCode } from "../cohort/invite-code";
import { DomainError } from "../domain-error";
import { recordTeamChange } from "./record-team-change";
import { findTaughtProject, findViewableTeam, type TaughtProject, type TeamViewer } from "./team-access";

type StarterFile = { name: string; content: string };

async function readStarterFiles(exercisesDir: string, exerciseId: string): Promise<StarterFile[]> {
  const folder = await loadExercise(path.join(exercisesDir, exerciseId));
  return folder.starterFiles.map((file) => ({ name: file.name, content: file.content }));
}

/** A team with its project row and its shared code seeded from the template's starter. */
async function insertTeam(tx: Db, projectId: string, name: string, starter: StarterFile[]) {
  const [team] = await tx.insert(schema.team).values({ projectId, name, joinCode: createInviteCode() }).returning({ id: schema.team.id, name: schema.team.name });
  await tx.insert(schema.teamProject).values({ teamId: team!.id });
  if (starter.length > 0) await tx.insert(schema.teamFile).values(starter.map((file) => ({ teamId: team!.id, name: file.name, content: file.content })));
  return team!;
}

/** The cohort's learners among the given ids, refusing anyone else by name. */
async function assertCohortLearners(db: Db, cohortId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  const rows = await db
    .select({ userId: schema.cohortMembership.userId })
    .from(schema.cohortMembership)
    .where(and(eq(schema.cohortMembership.cohortId, cohortId), eq(schema.cohortMembership.role, "learner"), inArray(schema.cohortMembership.userId, userIds)));
  if (rows.length !== new Set(userIds).size) throw new DomainError("BAD_REQUEST", "Every team member must be a learner of this cohort.");
}

async function assignedLearnerIds(db: Db, projectId: string) {
  const rows = await db.select({ userId: schema.teamMembership.userId }).from(schema.teamMembership).where(eq(schema.teamMembership.projectId, projectId));
  return new Set(rows.map((row) => row.userId));
}

async function addMembers(tx: Db, team: { id: string; projectId: string }, userIds: string[], actorId: string) {
  if (userIds.length === 0) return;
  await tx.insert(schema.teamMembership).values(userIds.map((userId) => ({ teamId: team.id, projectId: team.projectId, userId })));
  await recordTeamChange(tx, { teamId: team.id, kind: "member.added", actorId, summary: `${userIds.length} member(s) added` });
}

function assertFits(project: Pick<TaughtProject, "maxTeamSize">, size: number, teamName: string) {
  if (size > project.maxTeamSize) throw new DomainError("CONFLICT", `${teamName} would have ${size} members; this project allows at most ${project.maxTeamSize}.`);
}

/** By hand: the instructor names teams and their members (an empty team waits for self-joins). */
export async function createTeams(db: Db, exercisesDir: string, input: { projectId: string; teams: { name: string; memberIds: string[] }[]; viewer: TeamViewer }) {
  const project = await findTaughtProject(db, input.projectId, input.viewer);
  const memberIds = input.teams.flatMap((t) => t.memberIds);
  if (new Set(memberIds).size !== memberIds.length) throw new DomainError("BAD_REQUEST", "A learner can be in only one team of a project.");
  await assertCohortLearners(db, project.cohortId, memberIds);
  for (const team of input.teams) assertFits(project, team.memberIds.length, team.name);
  const starter = await readStarterFiles(exercisesDir, project.exerciseId);
  return withTransaction(db, async (tx) => {
    const taken = await assignedLearnerIds(tx, project.id);
    if (memberIds.some((id) => taken.has(id))) throw new DomainError("CONFLICT", "A learner you chose is already in a team of this project: move them instead.");
    const created = [];
    for (const spec of input.teams) {
      const team = await insertTeam(tx, project.id, spec.name.trim(), starter);
      await addMembers(tx, { id: team.id, projectId: project.id }, spec.memberIds, input.viewer.id);
      created.push(team);
    }
    return created;
  });
}

/** Sizes as even as possible: n learners in ceil(n / size) teams, none differing by more than one. */
function splitEvenly<T>(items: T[], teamSize: number): T[][] {
  const teamCount = Math.max(1, Math.ceil(items.length / teamSize));
  const teams: T[][] = Array.from({ length: teamCount }, () => []);
  items.forEach((item, index) => teams[index % teamCount]!.push(item));
  return teams;
}

/** At random: the cohort's learners not yet in a team are shuffled into teams of about `teamSize`. */
export async function formRandomTeams(db: Db, exercisesDir: string, input: { projectId: string; teamSize: number; viewer: TeamViewer }) {
  const project = await findTaughtProject(db, input.projectId, input.viewer);
  if (input.teamSize < project.minTeamSize || input.teamSize > project.maxTeamSize) {
    throw new DomainError("BAD_REQUEST", `Choose a team size between ${project.minTeamSize} and ${project.maxTeamSize}.`);
  }
  const starter = await readStarterFiles(exercisesDir, project.exerciseId);
  return withTransaction(db, async (tx) => {
    await tx.execute(sql`select 1 from ${schema.cohortProject} where ${schema.cohortProject.id} = ${project.id} for update`);
    const taken = await assignedLearnerIds(tx, project.id);
    const learners = (
      await tx
        .select({ userId: schema.cohortMembership.userId })
        .from(schema.cohortMembership)
        .where(and(eq(schema.cohortMembership.cohortId, project.cohortId), eq(schema.cohortMembership.role, "learner")))
        .orderBy(asc(schema.cohortMembership.userId))
    )
      .map((row) => row.userId)
      .filter((id) => !taken.has(id));
    if (learners.length === 0) throw new DomainError("PRECONDITION_FAILED", "Every learner of this cohort is already in a team.");
    for (let i = learners.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [learners[i], learners[j]] = [learners[j]!, learners[i]!];
    }
    const groups = splitEvenly(learners, input.teamSize);
    const smallest = Math.min(...groups.map((g) => g.length));
    if (smallest < project.minTeamSize || Math.max(...groups.map((g) => g.length)) > project.maxTeamSize) {
      throw new DomainError("PRECONDITION_FAILED", `${learners.length} learners cannot be split into teams of ${project.minTeamSize}–${project.maxTeamSize}: change the size bounds or form some teams by hand.`);
    }
    const [{ existing } = { existing: 0 }] = await tx.select({ existing: count() }).from(schema.team).where(eq(schema.team.projectId, project.id));
    const created = [];
    for (const [index, members] of groups.entries()) {
      const team = await insertTeam(tx, project.id, `Team ${existing + index + 1}`, starter);
      await addMembers(tx, { id: team.id, projectId: project.id }, members, input.viewer.id);
      created.push({ ...team, memberIds: members });
    }
    return created;
  });
}

/** Locks the team (concurrent joins queue here) and counts its members. */
async function lockTeamSize(tx: Db, teamId: string) {
  await tx.execute(sql`select 1 from ${schema.team} where ${schema.team.id} = ${teamId} for update`);
  const [row] = await tx.select({ size: count() }).from(schema.teamMembership).where(eq(schema.teamMembership.teamId, teamId));
  return row?.size ?? 0;
}

async function leaveCurrentTeam(tx: Db, projectId: string, userId: string, actorId: string) {
  const [left] = await tx
    .delete(schema.teamMembership)
    .where(and(eq(schema.teamMembership.projectId, projectId), eq(schema.teamMembership.userId, userId)))
    .returning({ teamId: schema.teamMembership.teamId });
  if (left) await recordTeamChange(tx, { teamId: left.teamId, kind: "member.left", actorId, summary: "A member left the team", detail: { userId } });
  return left?.teamId ?? null;
}

/** The instructor moves a learner into a team (within its size bound) or out of every team (`toTeamId` null). */
export async function moveLearner(db: Db, input: { projectId: string; userId: string; toTeamId: string | null; viewer: TeamViewer }) {
  const project = await findTaughtProject(db, input.projectId, input.viewer);
  await assertCohortLearners(db, project.cohortId, [input.userId]);
  return withTransaction(db, async (tx) => {
    if (input.toTeamId) {
      const [target] = await tx.select({ name: schema.team.name, projectId: schema.team.projectId }).from(schema.team).where(eq(schema.team.id, input.toTeamId));
      if (!target || target.projectId !== project.id) throw new DomainError("NOT_FOUND", "That team is not part of this project.");
      const size = await lockTeamSize(tx, input.toTeamId);
      const fromTeamId = await leaveCurrentTeam(tx, project.id, input.userId, input.viewer.id);
      if (fromTeamId === input.toTeamId) throw new DomainError("BAD_REQUEST", "The learner is already in that team.");
      assertFits(project, size + 1, target.name);
      await tx.insert(schema.teamMembership).values({ teamId: input.toTeamId, projectId: project.id, userId: input.userId });
      await recordTeamChange(tx, { teamId: input.toTeamId, kind: "member.joined", actorId: input.viewer.id, summary: "A member was moved into the team", detail: { userId: input.userId } });
      return { fromTeamId, toTeamId: input.toTeamId };
    }
    return { fromTeamId: await leaveCurrentTeam(tx, project.id, input.userId, input.viewer.id), toTeamId: null };
  });
}

/**
 * A learner joins a team with its code, leaving their current team of that project: only while the
 * project allows self-join, only a learner of its cohort, and only while the team has room.
 */
export async function joinTeamWithCode(db: Db, input: { code: string; viewer: TeamViewer }) {
  const [team] = await db
    .select({ id: schema.team.id, name: schema.team.name, projectId: schema.team.projectId, cohortId: schema.cohortProject.cohortId, maxTeamSize: schema.cohortProject.maxTeamSize, allowsSelfJoin: schema.cohortProject.allowsSelfJoin })
    .from(schema.team)
    .innerJoin(schema.cohortProject, eq(schema.cohortProject.id, schema.team.projectId))
    .where(eq(schema.team.joinCode, normalizeInviteCode(input.code)));
  if (!team) throw new DomainError("NOT_FOUND", "No team has this code: check it with your teammates.");
  if (!team.allowsSelfJoin) throw new DomainError("FORBIDDEN", "Teams of this project are formed by the instructor: ask them to add you.");
  const [membership] = await db
    .select({ role: schema.cohortMembership.role })
    .from(schema.cohortMembership)
    .where(and(eq(schema.cohortMembership.cohortId, team.cohortId), eq(schema.cohortMembership.userId, input.viewer.id)));
  if (membership?.role !== "learner") throw new DomainError("FORBIDDEN", "Join the cohort first: only its learners can join its teams.");
  return withTransaction(db, async (tx) => {
    const size = await lockTeamSize(tx, team.id);
    const [current] = await tx
      .select({ teamId: schema.teamMembership.teamId })
      .from(schema.teamMembership)
      .where(and(eq(schema.teamMembership.projectId, team.projectId), eq(schema.teamMembership.userId, input.viewer.id)));
    if (current?.teamId === team.id) return { teamId: team.id, name: team.name };
    if (size + 1 > team.maxTeamSize) throw new DomainError("CONFLICT", `${team.name} is full (${team.maxTeamSize} members): ask your instructor, or join another team.`);
    await leaveCurrentTeam(tx, team.projectId, input.viewer.id, input.viewer.id);
    await tx.insert(schema.teamMembership).values({ teamId: team.id, projectId: team.projectId, userId: input.viewer.id });
    await recordTeamChange(tx, { teamId: team.id, kind: "member.joined", actorId: input.viewer.id, summary: "Joined the team with its code" });
    return { teamId: team.id, name: team.name };
  });
}

/** The viewer's own teams, one per project. */
export async function listMyTeams(db: Db, viewer: TeamViewer) {
  return db
    .select({ teamId: schema.team.id, name: schema.team.name, projectId: schema.cohortProject.id, projectTitle: schema.cohortProject.title, cohortId: schema.cohortProject.cohortId, startsAt: schema.cohortProject.startsAt })
    .from(schema.teamMembership)
    .innerJoin(schema.team, eq(schema.team.id, schema.teamMembership.teamId))
    .innerJoin(schema.cohortProject, eq(schema.cohortProject.id, schema.team.projectId))
    .where(eq(schema.teamMembership.userId, viewer.id))
    .orderBy(asc(schema.cohortProject.startsAt));
}

export async function listTeamMembers(db: Db, teamId: string) {
  return db
    .select({ id: schema.user.id, name: schema.user.name, joinedAt: schema.teamMembership.joinedAt })
    .from(schema.teamMembership)
    .innerJoin(schema.user, eq(schema.user.id, schema.teamMembership.userId))
    .where(eq(schema.teamMembership.teamId, teamId))
    .orderBy(asc(schema.user.name));
}

/** A team's page header: its project, milestones and members; the join code only where self-join is on. */
export async function getTeam(db: Db, input: { teamId: string; viewer: TeamViewer }) {
  const { team, isMember } = await findViewableTeam(db, input.teamId, input.viewer);
  const [members, milestones] = await Promise.all([
    listTeamMembers(db, team.id),
    db
      .select({ key: schema.milestone.key, title: schema.milestone.title, dueAt: schema.milestone.dueAt, position: schema.milestone.position })
      .from(schema.milestone)
      .where(eq(schema.milestone.projectId, team.projectId))
      .orderBy(asc(schema.milestone.position)),
  ]);
  return {
    id: team.id,
    name: team.name,
    joinCode: team.allowsSelfJoin ? team.joinCode : null,
    viewerIsMember: isMember,
    project: { id: team.projectId, title: team.projectTitle, exerciseId: team.exerciseId, cohortId: team.cohortId, minTeamSize: team.minTeamSize, maxTeamSize: team.maxTeamSize, allowsSelfJoin: team.allowsSelfJoin },
    members,
    milestones,
  };
}

/** The project's teams with their members and the cohort's learners in no team, for the instructor's formation page. */
export async function listProjectTeams(db: Db, input: { projectId: string; viewer: TeamViewer }) {
  const project = await findTaughtProject(db, input.projectId, input.viewer);
  const teams = await db.select({ id: schema.team.id, name: schema.team.name, joinCode: schema.team.joinCode }).from(schema.team).where(eq(schema.team.projectId, project.id)).orderBy(asc(schema.team.name), asc(schema.team.createdAt));
  const members = await db
    .select({ teamId: schema.teamMembership.teamId, id: schema.user.id, name: schema.user.name })
    .from(schema.teamMembership)
    .innerJoin(schema.user, eq(schema.user.id, schema.teamMembership.userId))
    .where(eq(schema.teamMembership.projectId, project.id))
    .orderBy(asc(schema.user.name));
  const learners = await db
    .select({ id: schema.user.id, name: schema.user.name })
    .from(schema.cohortMembership)
    .innerJoin(schema.user, eq(schema.user.id, schema.cohortMembership.userId))
    .where(and(eq(schema.cohortMembership.cohortId, project.cohortId), eq(schema.cohortMembership.role, "learner")))
    .orderBy(asc(schema.user.name));
  const assigned = new Set(members.map((m) => m.id));
  return {
    project: { id: project.id, title: project.title, cohortId: project.cohortId, exerciseId: project.exerciseId, startsAt: project.startsAt, minTeamSize: project.minTeamSize, maxTeamSize: project.maxTeamSize, allowsSelfJoin: project.allowsSelfJoin },
    teams: teams.map((team) => ({ ...team, members: members.filter((m) => m.teamId === team.id).map(({ id, name }) => ({ id, name })) })),
    unassigned: learners.filter((learner) => !assigned.has(learner.id)),
  };
}
