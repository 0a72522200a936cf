import Link from "next/link";

import { CohortDashboard, DEFAULT_INACTIVE_DAYS } from "~/components/instructor/cohort-dashboard";
import { guardCohortPage } from "~/components/instructor/cohort-page-guard";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Props = { params: Promise<{ cohortId: string }> };

export const metadata = { title: "Cohort" };

export default async function CohortPage({ params }: Props) {
  const { cohortId } = await params;
  const guard = await guardCohortPage(cohortId, `/instructor/cohorts/${cohortId}`);
  if ("denied" in guard) return guard.denied;
  const { cohort } = guard;
  const input = { cohortId };
  await Promise.all([
    prefetch(trpc.cohort.gradebook.queryOptions(input)),
    prefetch(trpc.cohort.headlines.queryOptions(input)),
    prefetch(trpc.cohort.curriculumResults.queryOptions(input)),
    prefetch(trpc.cohort.examResults.queryOptions(input)),
    prefetch(trpc.cohort.learnersAtRisk.queryOptions({ cohortId, inactiveDays: DEFAULT_INACTIVE_DAYS })),
  ]);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/instructor" className="hover:underline">
          Cohorts
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-2xl font-semibold break-words">{cohort.name}</h1>
        {cohort.archivedAt && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">archived</span>}
        <Link href={`/instructor/cohorts/${cohortId}/teams`} className="ml-auto text-sm text-brand-700 hover:underline">
          Team projects
        </Link>
      </div>
      <HydrateClient>
        <CohortDashboard cohortId={cohortId} />
      </HydrateClient>
    </div>
  );
}
