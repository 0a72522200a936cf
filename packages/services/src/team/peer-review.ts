import type { Db } from "@academy/db";
import { and, eq, inArray, schema, sql, withTransaction } from "@academy/db";

import { DomainError } from "../domain-error";
import { computeContributions } from "./contributions";
import { listTeamMembers } from "./formation";
import { findMemberTeam, findViewableTeam, type TeamRow, type TeamViewer } from "./team-access";

export const RATING_DIMENSIONS = ["contribution", "quality", "communication"] as const;
/** CATME-style bounds: a suggested adjustment never takes more than a fifth off, or adds more than a tenth. */
export const ADJUSTMENT_FACTOR_BOUNDS = { min: 0.8, max: 1.1 } as const;
/** A member whose mean rating is below this share of the team's mean is flagged. */
const FAR_BELOW_SHARE = 0.8;

export type PeerRatingInput = { rateeId: string; contribution: number; quality: number; communication: number; comment: string };

async function findTeamMilestone(db: Db, team: Pick<TeamRow, "projectId">, milestoneKey: string) {
  const [milestone] = await db.select({ id: schema.milestone.id, title: schema.milestone.title }).from(schema.milestone).where(and(eq(schema.milestone.projectId, team.projectId), eq(schema.milestone.key, milestoneKey)));
  if (!milestone) throw new DomainError("NOT_FOUND", `This project has no milestone "${milestoneKey}".`);
  return milestone;
}

/** A member rates teammates at a milestone (1–5 per dimension, with a comment); rating again replaces their earlier rating. */
export async function ratePeers(db: Db, input: { teamId: string; milestoneKey: string; ratings: PeerRatingInput[]; viewer: TeamViewer }) {
  const team = await findMemberTeam(db, input.teamId, input.viewer);
  const milestone = await findTeamMilestone(db, team, input.milestoneKey);
  const teammates = new Set((await listTeamMembers(db, team.id)).map((m) => m.id).filter((id) => id !== input.viewer.id));
  for (const rating of input.ratings) {
    if (rating.rateeId === input.viewer.id) throw new DomainError("BAD_REQUEST", "Rate your teammates, not yourself.");
    if (!teammates.has(rating.rateeId)) throw new DomainError("BAD_REQUEST", "You can rate only your current teammates.");
  }
  if (new Set(input.ratings.map((r) => r.rateeId)).size !== input.ratings.length) throw new DomainError("BAD_REQUEST", "Rate each teammate once.");
  await withTransaction(db, async (tx) => {
    for (const rating of input.ratings) {
      const values = { contribution: rating.contribution, quality: rating.quality, communication: rating.communication, comment: rating.comment.trim() };
      await tx
        .insert(schema.peerRating)
        .values({ teamId: team.id, milestoneId: milestone.id, raterId: input.viewer.id, rateeId: rating.rateeId, ...values })
        .onConflictDoUpdate({ target: [schema.peerRating.milestoneId, schema.peerRating.raterId, schema.peerRating.rateeId], set: { ...values, updatedAt: new Date() } });
    }
  });
  return { milestoneKey: input.milestoneKey, rated: input.ratings.length };
}

/** Which teammates the viewer has rated at a milestone; the ratings themselves are for the instructor only. */
export async function getMyPeerReviewProgress(db: Db, input: { teamId: string; milestoneKey: string; viewer: TeamViewer }) {
  const team = await findMemberTeam(db, input.teamId, input.viewer);
  const milestone = await findTeamMilestone(db, team, input.milestoneKey);
  const [members, rated] = await Promise.all([
    listTeamMembers(db, team.id),
    db.select({ rateeId: schema.peerRating.rateeId }).from(schema.peerRating).where(and(eq(schema.peerRating.milestoneId, milestone.id), eq(schema.peerRating.raterId, input.viewer.id))),
  ]);
  const ratedIds = new Set(rated.map((r) => r.rateeId));
  return { milestoneKey: input.milestoneKey, teammates: members.filter((m) => m.id !== input.viewer.id).map((m) => ({ id: m.id, name: m.name, isRated: ratedIds.has(m.id) })) };
}

const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Per member: mean rating received, a suggested adjustment factor (their mean / the team's, clamped) and flags. */
export function summarisePeerRatings(memberIds: string[], ratings: { rateeId: string; contribution: number; quality: number; communication: number }[]) {
  const memberMeans = new Map(memberIds.map((id) => [id, mean(ratings.filter((r) => r.rateeId === id).map((r) => (r.contribution + r.quality + r.communication) / 3))]));
  const teamMean = mean([...memberMeans.values()].filter((v): v is number => v !== null));
  return memberIds.map((id) => {
    const memberMean = memberMeans.get(id) ?? null;
    const share = memberMean !== null && teamMean ? memberMean / teamMean : null;
    return {
      userId: id,
      ratingsReceived: ratings.filter((r) => r.rateeId === id).length,
      meanRating: memberMean === null ? null : round2(memberMean),
      adjustmentFactor: share === null ? null : round2(Math.min(ADJUSTMENT_FACTOR_BOUNDS.max, Math.max(ADJUSTMENT_FACTOR_BOUNDS.min, share))),
      isRatedFarBelow: share !== null && share < FAR_BELOW_SHARE,
    };
  });
}

/** The instructor's view of a team's peer review at a milestone: every rating with its comment, and per member the factor and flags. */
export async function getPeerReview(db: Db, input: { teamId: string; milestoneKey: string; viewer: TeamViewer }) {
  const { team, isInstructor } = await findViewableTeam(db, input.teamId, input.viewer);
  if (!isInstructor) throw new DomainError("FORBIDDEN", "Peer ratings are seen by your instructor only.");
  const milestone = await findTeamMilestone(db, team, input.milestoneKey);
  const [members, ratings, contributions] = await Promise.all([
    listTeamMembers(db, team.id),
    db
      .select({
        raterId: schema.peerRating.raterId,
        rateeId: schema.peerRating.rateeId,
        contribution: schema.peerRating.contribution,
        quality: schema.peerRating.quality,
        communication: schema.peerRating.communication,
        comment: schema.peerRating.comment,
        updatedAt: schema.peerRating.updatedAt,
      })
      .from(schema.peerRating)
      // The milestone is the whole project's: ratings a member gave or got in another team of it stay with that team.
      .where(
        and(
          eq(schema.peerRating.teamId, team.id),
          eq(schema.peerRating.milestoneId, milestone.id),
          inArray(schema.peerRating.rateeId, sql`(select user_id from team_membership where team_id = ${team.id})`),
        ),
      )
      .orderBy(schema.peerRating.rateeId, schema.peerRating.raterId),
    computeContributions(db, team),
  ]);
  const summaries = summarisePeerRatings(
    members.map((m) => m.id),
    ratings,
  );
  return {
    milestone: { key: input.milestoneKey, title: milestone.title },
    members: members.map((member) => {
      const summary = summaries.find((s) => s.userId === member.id)!;
      const contribution = contributions.find((c) => c.userId === member.id);
      const flags = [...(summary.isRatedFarBelow ? ["rated-far-below" as const] : []), ...(contribution?.hasContributedNothing ? ["contributed-nothing" as const] : [])];
      return { userId: member.id, name: member.name, ratingsReceived: summary.ratingsReceived, meanRating: summary.meanRating, adjustmentFactor: summary.adjustmentFactor, flags };
    }),
    ratings,
  };
}
