import { CodeHistory, HISTORY_PAGE_SIZE } from "~/components/team/code-history";
import { readSectionTeam } from "~/components/team/team-shell";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Props = { params: Promise<{ teamId: string }> };

export const metadata = { title: "Code history" };

export default async function TeamHistoryPage({ params }: Props) {
  const team = await readSectionTeam(params);
  if (!team) return null;
  const teamId = team.id;
  await prefetch(trpc.team.saves.queryOptions({ teamId, limit: HISTORY_PAGE_SIZE }));
  return (
    <HydrateClient>
      <h2 className="mb-3 text-lg font-semibold">History of saves</h2>
      <CodeHistory teamId={teamId} />
    </HydrateClient>
  );
}
