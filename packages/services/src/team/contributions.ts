import type { Db } from "@academy/db";
import { and, asc, count, eq, isNotNull, schema, sql } from "@academy/db";
import { isFinalStatus } from "@academy/submission-lifecycle";

import { listTeamMembers } from "./formation";
import { listTestResults } from "./milestones";
import { findViewableTeam, type TeamRow, type TeamViewer } from "./team-access";

/** Microseconds since the epoch, as Postgres stores them (a JS Date keeps milliseconds): a save and a submission less than a millisecond apart stay in order. */
const microsOf = (column: typeof schema.submission.createdAt | typeof schema.teamCodeSave.createdAt) => sql<number>`(extract(epoch from ${column}) * 1000000)::float8`;

type Save = { authorId: string | null; atMicros: number };
type TimedSubmission = { id: string; milestoneKey: string | null; status: string; atMicros: number };

/**
 * Hidden tests that went from failing to passing, per member: for each milestone, each pair of
 * consecutive graded submissions is compared test by test, and each test that failed in the first and
 * passed in the second is credited to every author of a save made between the two.
 */
export function creditTestsTurnedGreen(
  submissions: TimedSubmission[],
  testsBySubmission: Map<string, Map<string, string>>,
  saves: Save[],
) {
  const credit = new Map<string, number>();
  const graded = submissions.filter((s) => isFinalStatus(s.status) && s.status !== "error" && s.status !== "timeout");
  const keys = new Set(graded.map((s) => s.milestoneKey));
  for (const key of keys) {
    const series = graded.filter((s) => s.milestoneKey === key);
    for (let i = 1; i < series.length; i++) {
      const before = testsBySubmission.get(series[i - 1]!.id) ?? new Map<string, string>();
      const after = testsBySubmission.get(series[i]!.id) ?? new Map<string, string>();
      const turnedGreen = [...after].filter(([name, status]) => status === "passed" && before.get(name) !== "passed").length;
      if (turnedGreen === 0) continue;
      const authors = new Set(saves.filter((save) => save.authorId && save.atMicros > series[i - 1]!.atMicros && save.atMicros <= series[i]!.atMicros).map((save) => save.authorId!));
      for (const author of authors) credit.set(author, (credit.get(author) ?? 0) + turnedGreen);
    }
  }
  return credit;
}

/** Per member: tasks done (assigned to them), saves and lines changed, milestone submissions and hidden tests turned green. */
export async function computeContributions(db: Db, team: Pick<TeamRow, "id" | "teamProjectId">) {
  const [members, tasksDone, saveTotals, saves, submissions] = await Promise.all([
    listTeamMembers(db, team.id),
    db.select({ userId: schema.task.assigneeId, tasks: count() }).from(schema.task).where(and(eq(schema.task.teamId, team.id), eq(schema.task.status, "done"))).groupBy(schema.task.assigneeId),
    db
      .select({
        userId: schema.teamCodeSave.authorId,
        saves: count(),
        linesAdded: sql<number>`coalesce(sum(${schema.teamCodeSave.linesAdded}), 0)::int`,
        linesRemoved: sql<number>`coalesce(sum(${schema.teamCodeSave.linesRemoved}), 0)::int`,
      })
      .from(schema.teamCodeSave)
      .where(eq(schema.teamCodeSave.teamId, team.id))
      .groupBy(schema.teamCodeSave.authorId),
    db.select({ authorId: schema.teamCodeSave.authorId, atMicros: microsOf(schema.teamCodeSave.createdAt) }).from(schema.teamCodeSave).where(eq(schema.teamCodeSave.teamId, team.id)),
    db
      .select({ id: schema.submission.id, userId: schema.submission.userId, milestoneKey: schema.submission.milestoneKey, status: schema.submission.status, atMicros: microsOf(schema.submission.createdAt) })
      .from(schema.submission)
      .where(and(eq(schema.submission.teamProjectId, team.teamProjectId), isNotNull(schema.submission.milestoneKey)))
      .orderBy(asc(schema.submission.createdAt), asc(schema.submission.id)),
  ]);
  const tests = await listTestResults(db, submissions.map((s) => s.id));
  const testsBySubmission = new Map<string, Map<string, string>>();
  for (const test of tests) {
    if (test.visibility !== "hidden") continue;
    const map = testsBySubmission.get(test.submissionId) ?? new Map<string, string>();
    map.set(test.name, test.status);
    testsBySubmission.set(test.submissionId, map);
  }
  const turnedGreen = creditTestsTurnedGreen(submissions, testsBySubmission, saves);
  return members.map((member) => {
    const totals = saveTotals.find((row) => row.userId === member.id);
    const contribution = {
      userId: member.id,
      name: member.name,
      tasksCompleted: tasksDone.find((row) => row.userId === member.id)?.tasks ?? 0,
      saves: totals?.saves ?? 0,
      linesAdded: totals?.linesAdded ?? 0,
      linesRemoved: totals?.linesRemoved ?? 0,
      submissions: submissions.filter((s) => s.userId === member.id).length,
      testsTurnedGreen: turnedGreen.get(member.id) ?? 0,
    };
    return { ...contribution, hasContributedNothing: contribution.tasksCompleted === 0 && contribution.saves === 0 && contribution.submissions === 0 };
  });
}

export async function getTeamContributions(db: Db, input: { teamId: string; viewer: TeamViewer }) {
  const { team } = await findViewableTeam(db, input.teamId, input.viewer);
  return computeContributions(db, team);
}
