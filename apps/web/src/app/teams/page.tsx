import Link from "next/link";

import { JoinTeamForm } from "~/components/team/join-team-form";
import { requireUser } from "~/lib/require-user";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Teams" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export default async function TeamsPage() {
  await requireUser("/teams");
  const teams = await (await getServerCaller()).team.mine();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Your teams</h1>
        <p className="text-slate-600">Team projects: a shared board, one codebase, and milestones graded by hidden tests.</p>
      </div>
      {teams.length === 0 ? (
        <p className="card text-slate-700" data-testid="no-teams">
          You are not in a team yet. Your instructor puts you in one, or you join with a team code below.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" data-testid="team-list">
          {teams.map((team) => (
            <li key={team.teamId} className="card space-y-1">
              <h2 className="font-semibold break-words">
                <Link href={`/teams/${team.teamId}`} className="text-brand-700 hover:underline">
                  {team.name}
                </Link>
              </h2>
              <p className="text-sm break-words text-slate-700">{team.projectTitle}</p>
              <p className="text-xs text-slate-600">Started {dateFormat.format(team.startsAt)}</p>
            </li>
          ))}
        </ul>
      )}
      <JoinTeamForm />
    </div>
  );
}
