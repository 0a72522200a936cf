import { CohortBreadcrumb, guardCohortPage, readOrNotFound } from "~/components/instructor/cohort-page-guard";
import { TeamFormation } from "~/components/team/team-formation";
import { HydrateClient, readForClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ cohortId: string; projectId: string }> };

export const metadata = { title: "Team formation" };

export default async function TeamFormationPage({ params }: Props) {
  const { cohortId, projectId } = await params;
  const guard = await guardCohortPage(cohortId, `/instructor/cohorts/${cohortId}/teams/projects/${projectId}`);
  if ("denied" in guard) return guard.denied;
  const { project } = await readOrNotFound(() => readForClient(trpc.team.projectTeams.queryOptions({ projectId })));
  return (
    <div className="space-y-6">
      <CohortBreadcrumb cohort={guard.cohort} trail={["Teams", project.title]} />
      <h1 className="text-2xl font-semibold break-words">{project.title}: teams</h1>
      <HydrateClient>
        <TeamFormation cohortId={cohortId} projectId={projectId} />
      </HydrateClient>
    </div>
  );
}
