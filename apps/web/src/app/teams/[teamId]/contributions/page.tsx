import { TeamContributions } from "~/components/team/team-contributions";
import { readSectionTeam } from "~/components/team/team-shell";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Props = { params: Promise<{ teamId: string }> };

export const metadata = { title: "Contributions" };

export default async function TeamContributionsPage({ params }: Props) {
  const team = await readSectionTeam(params);
  if (!team) return null;
  const teamId = team.id;
  await prefetch(trpc.team.contributions.queryOptions({ teamId }));
  return (
    <HydrateClient>
      <h2 className="mb-3 text-lg font-semibold">Contributions</h2>
      <TeamContributions teamId={teamId} />
    </HydrateClient>
  );
}
