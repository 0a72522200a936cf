import { CohortBreadcrumb, guardCohortPage, readOrNotFound } from "~/components/instructor/cohort-page-guard";
import { ExerciseResultsView } from "~/components/instructor/exercise-results";
import { RegradePanel } from "~/components/regrade/regrade-panel";
import { HydrateClient, prefetch, readForClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ cohortId: string; exerciseId: string }> };

export const metadata = { title: "Exercise results" };

export default async function CohortExercisePage({ params }: Props) {
  const { cohortId, exerciseId } = await params;
  const guard = await guardCohortPage(cohortId, `/instructor/cohorts/${cohortId}/exercises/${exerciseId}`);
  if ("denied" in guard) return guard.denied;
  const input = { cohortId, exerciseId };
  const [{ exercise }] = await Promise.all([readOrNotFound(() => readForClient(trpc.cohort.exerciseResults.queryOptions(input))), prefetch(trpc.regrade.preview.queryOptions(input))]);
  return (
    <div className="space-y-4">
      <CohortBreadcrumb cohort={guard.cohort} trail={["Exercises"]} />
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="min-w-0 text-2xl font-semibold break-words">{exercise.title}</h1>
        <span className="text-sm text-slate-600">
          {exercise.section} · {exercise.points} points
        </span>
      </div>
      <HydrateClient>
        <ExerciseResultsView cohortId={cohortId} exerciseId={exerciseId} regradePanel={<RegradePanel cohortId={cohortId} exerciseId={exerciseId} />} />
      </HydrateClient>
    </div>
  );
}
