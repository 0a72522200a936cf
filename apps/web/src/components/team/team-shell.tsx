import "server-only";

import { notFound } from "next/navigation";

import { readForClient, trpc } from "~/trpc/server";

import { TeamLive } from "./use-team-live";
import type { TeamSection } from "./team-nav";
import { TeamNav } from "./team-nav";
import type { TeamDetail } from "./types";

/** The team as its pages read it; a team that does not exist (or a malformed id) is the page's 404. */
export async function readTeam(teamId: string): Promise<{ team: TeamDetail } | { isForbidden: true }> {
  try {
    return { team: await readForClient(trpc.team.get.queryOptions({ teamId })) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    if (code === "FORBIDDEN") return { isForbidden: true };
    throw error;
  }
}

/** A section page's team; null where the layout already refused the viewer. */
export async function readSectionTeam(params: Promise<{ teamId: string }>) {
  const found = await readTeam((await params).teamId);
  return "isForbidden" in found ? null : found.team;
}

export function TeamForbidden() {
  return (
    <div role="alert" data-testid="access-denied" className="card mx-auto max-w-lg text-center">
      <h1 className="text-xl font-semibold">403 · Not your team</h1>
      <p className="mt-2 text-slate-600">You can only see your own team&apos;s board, code and results.</p>
    </div>
  );
}

type TeamShellProps = { team: TeamDetail; basePath: string; sections: TeamSection[]; breadcrumb: React.ReactNode; children: React.ReactNode };

/** Every team page: the team's name and members, its sections, the live stream, then the section. */
export function TeamShell({ team, basePath, sections, breadcrumb, children }: TeamShellProps) {
  return (
    <div className="space-y-4">
      {breadcrumb}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="min-w-0 text-2xl font-semibold break-words">{team.name}</h1>
        <TeamLive teamId={team.id} />
      </div>
      <p className="text-sm break-words text-slate-600">
        {team.project.title} · {team.members.map((member) => member.name).join(", ") || "no members yet"}
        {team.joinCode && (
          <>
            {" "}
            · team code <span className="font-mono font-semibold text-slate-800" data-testid="team-code">{team.joinCode}</span>
          </>
        )}
      </p>
      <TeamNav basePath={basePath} sections={sections} />
      <div>{children}</div>
    </div>
  );
}
