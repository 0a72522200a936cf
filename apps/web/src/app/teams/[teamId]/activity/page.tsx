import { ACTIVITY_PAGE_SIZE, TeamActivity } from "~/components/team/team-activity";
import { readSectionTeam } from "~/components/team/team-shell";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Props = { params: Promise<{ teamId: string }> };

export const metadata = { title: "Team activity" };

export default async function TeamActivityPage({ params }: Props) {
  const team = await readSectionTeam(params);
  if (!team) return null;
  const teamId = team.id;
  await prefetch(trpc.team.activity.queryOptions({ teamId, limit: ACTIVITY_PAGE_SIZE }));
  return (
    <HydrateClient>
      <h2 className="mb-3 text-lg font-semibold">Activity</h2>
      <TeamActivity teamId={teamId} />
    </HydrateClient>
  );
}
