import { formatTime } from "~/components/practice/format";
import { CohortBreadcrumb, guardCohortPage, readOrNotFound } from "~/components/instructor/cohort-page-guard";
import { LearnerActivityView } from "~/components/instructor/learner-activity";
import { HydrateClient, readForClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ cohortId: string; userId: string }> };

export const metadata = { title: "Learner" };

export default async function CohortLearnerPage({ params }: Props) {
  const { cohortId, userId } = await params;
  const guard = await guardCohortPage(cohortId, `/instructor/cohorts/${cohortId}/learners/${userId}`);
  if ("denied" in guard) return guard.denied;
  const { learner } = await readOrNotFound(() => readForClient(trpc.cohort.learnerActivity.queryOptions({ cohortId, learnerId: userId })));
  return (
    <div className="space-y-4">
      <CohortBreadcrumb cohort={guard.cohort} trail={["Learners"]} />
      <div>
        <h1 className="text-2xl font-semibold break-words">{learner.name}</h1>
        <p className="text-sm break-words text-slate-600">
          {learner.email} · joined {formatTime(learner.joinedAt)}
        </p>
      </div>
      <HydrateClient>
        <LearnerActivityView cohortId={cohortId} learnerId={userId} />
      </HydrateClient>
    </div>
  );
}
