import type { Db } from "@academy/db";
import { asc, eq, max, schema } from "@academy/db";

import type { Clock } from "../exam/clock";
import { systemClock } from "../exam/clock";
import { computeContributions } from "./contributions";
import { listProjectMilestonesOf, listTeamSubmissions, summariseMilestone } from "./milestones";
import { findTaughtProject, type TeamViewer } from "./team-access";

/** A member who made this share of a team's changed lines (in a team of two or more) unbalances it. */
const DOMINANT_SHARE = 0.7;

export type TeamFlag =
  | { kind: "under-sized"; members: number }
  | { kind: "over-sized"; members: number }
  | { kind: "contributed-nothing"; userId: string; name: string }
  | { kind: "dominant-member"; userId: string; name: string; share: number };

/**
 * Every team of a project at a glance, for its cohort's instructors: each milestone's status and best
 * score, the last activity, and imbalance flags (size out of bounds, a member who contributed
 * nothing, one member writing most of the code).
 */
export async function getProjectOverview(db: Db, input: { projectId: string; viewer: TeamViewer }, clock: Clock = systemClock) {
  const project = await findTaughtProject(db, input.projectId, input.viewer);
  const [milestones, teams] = await Promise.all([
    listProjectMilestonesOf(db, project.id),
    db
      .select({ id: schema.team.id, name: schema.team.name, teamProjectId: schema.teamProject.id, lastActivityAt: max(schema.teamActivity.createdAt) })
      .from(schema.team)
      .innerJoin(schema.teamProject, eq(schema.teamProject.teamId, schema.team.id))
      .leftJoin(schema.teamActivity, eq(schema.teamActivity.teamId, schema.team.id))
      .where(eq(schema.team.projectId, project.id))
      .groupBy(schema.team.id, schema.teamProject.id)
      .orderBy(asc(schema.team.name)),
  ]);
  const now = clock();
  const rows = await Promise.all(
    teams.map(async (team) => {
      const [submissions, contributions] = await Promise.all([listTeamSubmissions(db, team), computeContributions(db, team)]);
      const flags: TeamFlag[] = [];
      if (contributions.length < project.minTeamSize) flags.push({ kind: "under-sized", members: contributions.length });
      if (contributions.length > project.maxTeamSize) flags.push({ kind: "over-sized", members: contributions.length });
      for (const member of contributions) if (member.hasContributedNothing) flags.push({ kind: "contributed-nothing", userId: member.userId, name: member.name });
      const totalLines = contributions.reduce((sum, m) => sum + m.linesAdded + m.linesRemoved, 0);
      if (contributions.length >= 2 && totalLines > 0) {
        for (const member of contributions) {
          const share = (member.linesAdded + member.linesRemoved) / totalLines;
          if (share >= DOMINANT_SHARE) flags.push({ kind: "dominant-member", userId: member.userId, name: member.name, share: Math.round(share * 100) / 100 });
        }
      }
      return {
        teamId: team.id,
        name: team.name,
        memberCount: contributions.length,
        lastActivityAt: team.lastActivityAt,
        milestones: milestones.map((milestone) => {
          const summary = summariseMilestone(milestone, submissions, now);
          return { key: milestone.key, status: summary.status, bestScore: summary.best?.score ?? null, maxScore: summary.best?.maxScore ?? null, isLate: summary.best?.isLate ?? false, submissionCount: summary.submissionCount };
        }),
        flags,
      };
    }),
  );
  return {
    project: { id: project.id, title: project.title, cohortId: project.cohortId, exerciseId: project.exerciseId, startsAt: project.startsAt, minTeamSize: project.minTeamSize, maxTeamSize: project.maxTeamSize, allowsSelfJoin: project.allowsSelfJoin },
    milestones,
    teams: rows,
  };
}
