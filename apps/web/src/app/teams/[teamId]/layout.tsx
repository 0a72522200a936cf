import Link from "next/link";

import { MEMBER_SECTIONS } from "~/components/team/team-nav";
import { readTeam, TeamForbidden, TeamShell } from "~/components/team/team-shell";
import { requireUser } from "~/lib/require-user";
import { HydrateClient } from "~/trpc/server";

type Props = { params: Promise<{ teamId: string }>; children: React.ReactNode };

export default async function TeamLayout({ params, children }: Props) {
  const { teamId } = await params;
  await requireUser(`/teams/${teamId}`);
  const found = await readTeam(teamId);
  if ("isForbidden" in found) return <TeamForbidden />;
  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
      <Link href="/teams" className="hover:underline">
        Teams
      </Link>{" "}
      / {found.team.project.title}
    </nav>
  );
  return (
    <HydrateClient>
      <TeamShell team={found.team} basePath={`/teams/${teamId}`} sections={MEMBER_SECTIONS} breadcrumb={breadcrumb}>
        {children}
      </TeamShell>
    </HydrateClient>
  );
}
