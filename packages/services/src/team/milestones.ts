import type { Db } from "@academy/db";
import { and, asc, eq, inArray, isNotNull, schema } from "@academy/db";
import { isFinalStatus } from "@academy/submission-lifecycle";

import type { Clock } from "../exam/clock";
import { systemClock } from "../exam/clock";
import { DomainError } from "../domain-error";
import { createSubmission } from "../submission/create-submission";
import type { GradingPorts } from "../submission/grading-ports";
import { recordTeamChange } from "./record-team-change";
import { findMemberTeam, findViewableTeam, type TeamRow, type TeamViewer } from "./team-access";

export type MilestoneStatus = "not-started" | "submitted" | "passed" | "late";

/**
 * Any member submits the team's code as it is now for one milestone; the grader grades it against
 * that milestone's hidden suite. The feed's row and the members' event go out in the submission's own
 * transaction, so a refused submission leaves neither.
 */
export async function submitMilestone(db: Db, ports: GradingPorts, input: { teamId: string; milestoneKey: string; viewer: TeamViewer }) {
  const team = await findMemberTeam(db, input.teamId, input.viewer);
  const [milestone] = await db
    .select({ key: schema.milestone.key, title: schema.milestone.title, dueAt: schema.milestone.dueAt })
    .from(schema.milestone)
    .where(and(eq(schema.milestone.projectId, team.projectId), eq(schema.milestone.key, input.milestoneKey)));
  if (!milestone) throw new DomainError("NOT_FOUND", `This project has no milestone "${input.milestoneKey}".`);
  const files = await db.select({ name: schema.teamFile.name, content: schema.teamFile.content }).from(schema.teamFile).where(eq(schema.teamFile.teamId, team.id)).orderBy(asc(schema.teamFile.name));
  const submission = await createSubmission(
    db,
    ports,
    { userId: input.viewer.id, exerciseId: team.exerciseId, mode: "submit", files, milestoneKey: milestone.key, teamProjectId: team.teamProjectId },
    (tx) => recordTeamChange(tx, { teamId: team.id, kind: "milestone.submitted", actorId: input.viewer.id, milestoneKey: milestone.key, summary: `submitted ${milestone.title}` }),
  );
  return { id: submission.id, status: submission.status, createdAt: submission.createdAt, isLate: isLate(submission.createdAt, milestone.dueAt) };
}

function isLate(submittedAt: Date, dueAt: Date | null) {
  return dueAt !== null && submittedAt > dueAt;
}

type MilestoneSubmission = { id: string; userId: string; milestoneKey: string | null; status: string; score: number | null; maxScore: number | null; createdAt: Date };

export function listTeamSubmissions(db: Db, team: Pick<TeamRow, "teamProjectId">) {
  return db
    .select({
      id: schema.submission.id,
      userId: schema.submission.userId,
      milestoneKey: schema.submission.milestoneKey,
      status: schema.submission.status,
      score: schema.submission.score,
      maxScore: schema.submission.maxScore,
      createdAt: schema.submission.createdAt,
    })
    .from(schema.submission)
    .where(and(eq(schema.submission.teamProjectId, team.teamProjectId), isNotNull(schema.submission.milestoneKey)))
    .orderBy(asc(schema.submission.createdAt), asc(schema.submission.id));
}

/** The best graded submission counts (highest score; the earlier of equals); a pass on time is "passed", a due date gone by without one is "late". */
export function summariseMilestone(milestone: { key: string; dueAt: Date | null }, submissions: MilestoneSubmission[], now: Date) {
  const own = submissions.filter((s) => s.milestoneKey === milestone.key);
  const graded = own.filter((s) => isFinalStatus(s.status));
  const best = graded.reduce<MilestoneSubmission | null>((top, s) => (top === null || (s.score ?? 0) > (top.score ?? 0) ? s : top), null);
  const hasPassedOnTime = graded.some((s) => s.status === "passed" && !isLate(s.createdAt, milestone.dueAt));
  const isOverdue = milestone.dueAt !== null && now > milestone.dueAt;
  const status: MilestoneStatus = hasPassedOnTime ? "passed" : isOverdue ? "late" : own.length > 0 ? "submitted" : "not-started";
  return {
    status,
    isOverdue,
    submissionCount: own.length,
    pendingCount: own.length - graded.length,
    best: best ? { submissionId: best.id, score: best.score, maxScore: best.maxScore, status: best.status, isLate: isLate(best.createdAt, milestone.dueAt), submittedAt: best.createdAt } : null,
  };
}

export function listProjectMilestonesOf(db: Db, projectId: string) {
  return db
    .select({ key: schema.milestone.key, title: schema.milestone.title, dueAt: schema.milestone.dueAt, position: schema.milestone.position })
    .from(schema.milestone)
    .where(eq(schema.milestone.projectId, projectId))
    .orderBy(asc(schema.milestone.position));
}

/** Each milestone's status and best result, and every submission of the team with who sent it and whether it was late. */
export async function getMilestoneResults(db: Db, input: { teamId: string; viewer: TeamViewer }, clock: Clock = systemClock) {
  const { team } = await findViewableTeam(db, input.teamId, input.viewer);
  const [milestones, submissions, members] = await Promise.all([
    listProjectMilestonesOf(db, team.projectId),
    listTeamSubmissions(db, team),
    db.select({ id: schema.user.id, name: schema.user.name }).from(schema.user).innerJoin(schema.submission, eq(schema.submission.userId, schema.user.id)).where(eq(schema.submission.teamProjectId, team.teamProjectId)),
  ]);
  const nameOf = new Map(members.map((m) => [m.id, m.name]));
  const now = clock();
  return milestones.map((milestone) => ({
    ...milestone,
    ...summariseMilestone(milestone, submissions, now),
    submissions: submissions
      .filter((s) => s.milestoneKey === milestone.key)
      .map((s) => ({ id: s.id, submittedById: s.userId, submittedByName: nameOf.get(s.userId) ?? "", status: s.status, score: s.score, maxScore: s.maxScore, createdAt: s.createdAt, isLate: isLate(s.createdAt, milestone.dueAt) })),
  }));
}

/** One of the team's milestone submissions with its per-test results (names, outcomes and messages; never the tests' source). */
export async function getTeamSubmission(db: Db, input: { teamId: string; submissionId: string; viewer: TeamViewer }) {
  const { team } = await findViewableTeam(db, input.teamId, input.viewer);
  const [submission] = await db
    .select({
      id: schema.submission.id,
      milestoneKey: schema.submission.milestoneKey,
      submittedById: schema.submission.userId,
      submittedByName: schema.user.name,
      status: schema.submission.status,
      score: schema.submission.score,
      maxScore: schema.submission.maxScore,
      errorMessage: schema.submission.errorMessage,
      files: schema.submission.files,
      createdAt: schema.submission.createdAt,
      finishedAt: schema.submission.finishedAt,
    })
    .from(schema.submission)
    .innerJoin(schema.user, eq(schema.user.id, schema.submission.userId))
    .where(and(eq(schema.submission.id, input.submissionId), eq(schema.submission.teamProjectId, team.teamProjectId)));
  if (!submission) throw new DomainError("NOT_FOUND", "This submission is not one of your team's.");
  const tests = await listTestResults(db, [submission.id]);
  return { ...submission, tests: tests.map(({ name, visibility, status, message, durationMs }) => ({ name, visibility, status, message, durationMs })) };
}

export function listTestResults(db: Db, submissionIds: string[]) {
  if (submissionIds.length === 0) return Promise.resolve([]);
  return db
    .select({ submissionId: schema.testResult.submissionId, name: schema.testResult.name, visibility: schema.testResult.visibility, status: schema.testResult.status, message: schema.testResult.message, durationMs: schema.testResult.durationMs })
    .from(schema.testResult)
    .where(inArray(schema.testResult.submissionId, submissionIds))
    .orderBy(asc(schema.testResult.position));
}
