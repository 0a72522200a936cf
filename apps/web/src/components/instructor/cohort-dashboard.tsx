"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "~/trpc/react";

import { cohortLinks } from "./cohort-links";
import { describeActionError } from "./describe-action-error";
import { GradebookTable } from "./gradebook-table";
import { HeadlineFigures } from "./headline-figures";
import { RosterPanel } from "./roster-panel";

/** A cohort's results for its instructors; the page read every query on the server first. */
export function CohortDashboard({ cohortId }: { cohortId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { cohortId };
  const cohort = useQuery(trpc.cohort.get.queryOptions(input));
  const gradebook = useQuery(trpc.cohort.gradebook.queryOptions(input));
  const headlines = useQuery(trpc.cohort.headlines.queryOptions(input));
  const refreshResults = () => queryClient.invalidateQueries({ queryKey: trpc.cohort.pathKey() });

  return (
    <div className="space-y-6">
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
          <p className="text-sm text-rose-700">{describeActionError(gradebook.error)}</p>
        ) : gradebook.data ? (
          <GradebookTable cohortId={cohortId} gradebook={gradebook.data} />
        ) : (
          <p className="text-sm text-slate-500">Loading the gradebook…</p>
        )}
      </section>
      <section className="card" aria-labelledby="exams-heading">
        <h2 id="exams-heading" className="font-semibold">
          Exams
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Schedule exams for this cohort, follow them live and release their results.{" "}
          <Link href={cohortLinks.exams(cohortId)} className="text-brand-700 underline">
            The cohort&apos;s exams
          </Link>
        </p>
      </section>
      {cohort.data && <RosterPanel cohort={cohort.data} onChange={refreshResults} />}
    </div>
  );
}
