import { readSectionTeam } from "~/components/team/team-shell";
import { TeamCode } from "~/components/team/team-code";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Props = { params: Promise<{ teamId: string }> };

export const metadata = { title: "Team code" };

export default async function TeamCodePage({ params }: Props) {
  const team = await readSectionTeam(params);
  if (!team) return null;
  const teamId = team.id;
  await prefetch(trpc.team.code.queryOptions({ teamId }));
  return (
    <HydrateClient>
      <h2 className="sr-only">Code</h2>
      <TeamCode team={team} />
    </HydrateClient>
  );
}
