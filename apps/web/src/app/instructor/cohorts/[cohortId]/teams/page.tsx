import { CohortBreadcrumb, guardCohortPage } from "~/components/instructor/cohort-page-guard";
import { CreateProjectForm } from "~/components/team/create-project-form";
import { ProjectList } from "~/components/team/project-list";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Props = { params: Promise<{ cohortId: string }> };

export const metadata = { title: "Team projects" };

export default async function CohortTeamsPage({ params }: Props) {
  const { cohortId } = await params;
  const guard = await guardCohortPage(cohortId, `/instructor/cohorts/${cohortId}/teams`);
  if ("denied" in guard) return guard.denied;
  await Promise.all([prefetch(trpc.team.projects.queryOptions({ cohortId })), prefetch(trpc.team.templates.queryOptions())]);
  return (
    <div className="space-y-6">
      <CohortBreadcrumb cohort={guard.cohort} trail={["Teams"]} />
      <h1 className="text-2xl font-semibold">Team projects</h1>
      <HydrateClient>
        <ProjectList cohortId={cohortId} />
        <CreateProjectForm cohortId={cohortId} />
      </HydrateClient>
    </div>
  );
}
