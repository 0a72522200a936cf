import { TeamMilestones } from "~/components/team/team-milestones";
import { readSectionTeam } from "~/components/team/team-shell";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Props = { params: Promise<{ teamId: string }> };

export const metadata = { title: "Milestones" };

export default async function TeamMilestonesPage({ params }: Props) {
  const team = await readSectionTeam(params);
  if (!team) return null;
  const teamId = team.id;
  await prefetch(trpc.team.milestones.queryOptions({ teamId }));
  return (
    <HydrateClient>
      <h2 className="mb-3 text-lg font-semibold">Milestones</h2>
      <TeamMilestones team={team} />
    </HydrateClient>
  );
}
