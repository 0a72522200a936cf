import { TeamPeerReview } from "~/components/team/team-peer-review";
import { readSectionTeam } from "~/components/team/team-shell";
import { HydrateClient } from "~/trpc/server";

type Props = { params: Promise<{ teamId: string }> };

export const metadata = { title: "Peer review" };

export default async function TeamReviewPage({ params }: Props) {
  const team = await readSectionTeam(params);
  if (!team) return null;
  return (
    <HydrateClient>
      <h2 className="mb-1 text-lg font-semibold">Peer review</h2>
      <p className="mb-3 text-sm text-slate-600">At each milestone, rate each teammate on three dimensions. Your instructor uses the ratings beside what the history shows.</p>
      {team.viewerIsMember ? <TeamPeerReview team={team} /> : <p className="text-sm text-slate-600">Only the team&apos;s members rate each other.</p>}
    </HydrateClient>
  );
}
