import path from "node:path";

import { createDb, inArray, schema } from "@academy/db";
import { seedCohort, seedUser } from "@academy/db/factories";
import { createTask, createTeamProject, createTeams } from "@academy/services";

import { e2eStack } from "./stack";

const databaseUrl = `postgres://academy:academy@127.0.0.1:${e2eStack.databasePort}/academy`;
const exercisesDir = path.resolve(import.meta.dirname, "../../../exercises");
export const TEAM_TEMPLATE = "library-loans-team-project";

/**
 * A new cohort of the instructor's with one team project (the library template, self-join on) and one
 * team of these learners, with a task on its board: made through the team services, as the
 * instructor's and a member's own actions would, for pages that need a team to show. A seeded
 * teammate joins them.
 */
export async function seedTeamOf(instructorEmail: string, learnerEmails: string[]) {
  const { db, pool } = createDb(databaseUrl, { max: 2 });
  try {
    const users = await db.select({ id: schema.user.id, email: schema.user.email, role: schema.user.role }).from(schema.user).where(inArray(schema.user.email, [instructorEmail, ...learnerEmails]));
    const instructor = users.find((user) => user.email === instructorEmail)!;
    // A teammate with no account to sign in with, so a lone learner's team still has someone to rate.
    const teammate = await seedUser(db, { name: "Grace Teammate" });
    const learners = [...learnerEmails.map((email) => users.find((user) => user.email === email)!), teammate];
    const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: learners.map((learner) => learner.id) });
    const viewer = { id: instructor.id, role: instructor.role };
    const project = await createTeamProject(db, { cohortId: cohort.id, exerciseId: TEAM_TEMPLATE, startsAt: new Date(), minTeamSize: 1, maxTeamSize: 4, allowsSelfJoin: true, viewer });
    const [team] = await createTeams(db, exercisesDir, { projectId: project.id, teams: [{ name: `Team ${cohort.id.slice(0, 6)}`, memberIds: learners.map((learner) => learner.id) }], viewer });
    const member = learners[0]!;
    await createTask(db, { teamId: team!.id, title: "Sketch the Book model", assigneeId: member.id, viewer: { id: member.id, role: member.role } });
    return { cohortId: cohort.id, projectId: project.id, teamId: team!.id, teamName: team!.name };
  } finally {
    await pool.end();
  }
}
