"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";

import { cohortLinks } from "./cohort-links";
import { CurriculumResultsView } from "./curriculum-results";
import { describeActionError } from "./describe-action-error";
import { ExamResultsView } from "./exam-results";
import { GradebookTable } from "./gradebook-table";
import { HeadlineFigures } from "./headline-figures";
import { LearnersAtRiskView } from "./learners-at-risk";
import { RosterPanel } from "./roster-panel";
import { LiveBadge, useCohortLive } from "./use-cohort-live";

/** What the server reads before the page, so the dashboard's first paint has every number. */
export const DEFAULT_INACTIVE_DAYS = 7;

function Failed({ error }: { error: unknown }) {
  return <p className="text-sm text-rose-700">{describeActionError(error)}</p>;
}

/** A cohort's results for its instructors, kept current as gradings finish. */
export function CohortDashboard({ cohortId }: { cohortId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { cohortId };
  const [inactiveDays, setInactiveDays] = useState(DEFAULT_INACTIVE_DAYS);
  const cohort = useQuery(trpc.cohort.get.queryOptions(input));
  const gradebook = useQuery(trpc.cohort.gradebook.queryOptions(input));
  const headlines = useQuery(trpc.cohort.headlines.queryOptions(input));
  const curriculum = useQuery(trpc.cohort.curriculumResults.queryOptions(input));
  const exams = useQuery(trpc.cohort.examResults.queryOptions(input));
  const atRisk = useQuery(trpc.cohort.learnersAtRisk.queryOptions({ cohortId, inactiveDays }, { placeholderData: (previous) => previous }));
  const liveState = useCohortLive(cohortId);
  const refreshResults = () => queryClient.invalidateQueries({ queryKey: trpc.cohort.pathKey() });

  return (
    <div className="space-y-6">
      <LiveBadge state={liveState} />
      {headlines.data && <HeadlineFigures headlines={headlines.data} />}
      <section className="card min-w-0 space-y-3" aria-labelledby="gradebook-heading">
        <div className="flex flex-wrap items-baseline gap-3">
          <h2 id="gradebook-heading" className="font-semibold">
            Gradebook
          </h2>
          <a href={cohortLinks.gradebookCsv(cohortId)} className="ml-auto text-sm text-brand-700 hover:underline" download>
            Download CSV
          </a>
        </div>
        {gradebook.error ? (
          <Failed error={gradebook.error} />
        ) : gradebook.data ? (
          <GradebookTable cohortId={cohortId} gradebook={gradebook.data} />
        ) : (
          <p className="text-sm text-slate-500">Loading the gradebook…</p>
        )}
      </section>
      {atRisk.error ? (
        <Failed error={atRisk.error} />
      ) : (
        atRisk.data && <LearnersAtRiskView cohortId={cohortId} atRisk={atRisk.data} inactiveDays={inactiveDays} onInactiveDaysChange={setInactiveDays} />
      )}
      {curriculum.error ? <Failed error={curriculum.error} /> : curriculum.data && <CurriculumResultsView results={curriculum.data} />}
      {exams.error ? <Failed error={exams.error} /> : exams.data && <ExamResultsView cohortId={cohortId} results={exams.data} />}
      {cohort.data && <RosterPanel cohort={cohort.data} onChange={refreshResults} />}
    </div>
  );
}
