import { CohortBreadcrumb, guardCohortPage } from "~/components/instructor/cohort-page-guard";
import { INSTRUCTOR_SECTIONS } from "~/components/team/team-nav";
import { readTeam, TeamForbidden, TeamShell } from "~/components/team/team-shell";
import { HydrateClient } from "~/trpc/server";

type Props = { params: Promise<{ cohortId: string; teamId: string }>; children: React.ReactNode };

/** An instructor's drill-down into one team: the members' own views, read-only, and the peer ratings. */
export default async function InstructorTeamLayout({ params, children }: Props) {
  const { cohortId, teamId } = await params;
  const basePath = `/instructor/cohorts/${cohortId}/teams/${teamId}`;
  const guard = await guardCohortPage(cohortId, basePath);
  if ("denied" in guard) return guard.denied;
  const found = await readTeam(teamId);
  if ("isForbidden" in found || found.team.project.cohortId !== cohortId) return <TeamForbidden />;
  return (
    <HydrateClient>
      <TeamShell team={found.team} basePath={basePath} sections={INSTRUCTOR_SECTIONS} breadcrumb={<CohortBreadcrumb cohort={guard.cohort} trail={["Teams", found.team.project.title]} />}>
        {children}
      </TeamShell>
    </HydrateClient>
  );
}
