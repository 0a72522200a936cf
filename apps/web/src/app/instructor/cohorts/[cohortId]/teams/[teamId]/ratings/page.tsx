import { TeamPeerRatings } from "~/components/team/team-peer-ratings";
import { readSectionTeam } from "~/components/team/team-shell";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Props = { params: Promise<{ teamId: string }> };

export const metadata = { title: "Peer ratings" };

export default async function TeamRatingsPage({ params }: Props) {
  const team = await readSectionTeam(params);
  if (!team) return null;
  const teamId = team.id;
  const first = team.milestones[0];
  if (first) await prefetch(trpc.team.peerReview.queryOptions({ teamId, milestoneKey: first.key }));
  return (
    <HydrateClient>
      <h2 className="mb-3 text-lg font-semibold">Peer ratings</h2>
      <TeamPeerRatings team={team} />
    </HydrateClient>
  );
}
