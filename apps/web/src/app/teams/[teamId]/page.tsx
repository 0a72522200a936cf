import { readSectionTeam } from "~/components/team/team-shell";
import { TeamBoardView } from "~/components/team/team-board-view";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Props = { params: Promise<{ teamId: string }> };

export const metadata = { title: "Team board" };

export default async function TeamBoardPage({ params }: Props) {
  const team = await readSectionTeam(params);
  if (!team) return null;
  const teamId = team.id;
  await prefetch(trpc.team.board.queryOptions({ teamId }));
  return (
    <HydrateClient>
      <h2 className="sr-only">Board</h2>
      <TeamBoardView team={team} />
    </HydrateClient>
  );
}
