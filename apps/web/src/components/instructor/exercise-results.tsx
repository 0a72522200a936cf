"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { formatTime } from "~/components/practice/format";
import { SubmissionStatusBadge } from "~/components/practice/status-badge";
import { useTRPC } from "~/trpc/react";

import { BarChart } from "./bar-chart";
import { cohortLinks } from "./cohort-links";
import { describeActionError } from "./describe-action-error";
import { ScrollTable } from "./scroll-table";
import type { ExerciseResults } from "./types";
import { LiveBadge, useCohortLive } from "./use-cohort-live";

type Test = ExerciseResults["itemAnalysis"]["tests"][number];

function TestFlags({ test }: { test: Test }) {
  return (
    <span className="flex flex-wrap gap-1">
      {test.isAlmostAlwaysFailed && (
        <span className="rounded bg-rose-100 px-1.5 text-xs text-rose-800" title="At least 80% of the learners with a result fail it.">
          almost everyone fails
        </span>
      )}
      {test.isPossiblyBroken && (
        <span className="rounded bg-violet-100 px-1.5 text-xs text-violet-800" title="Learners who pass every other test fail this one: look at the test itself.">
          possibly broken
        </span>
      )}
    </span>
  );
}

function ItemAnalysis({ cohortId, results }: { cohortId: string; results: ExerciseResults }) {
  const { tests } = results.itemAnalysis;
  return (
    <section className="card min-w-0 space-y-3" aria-labelledby="item-analysis-heading">
      <h2 id="item-analysis-heading" className="font-semibold">
        Item analysis per test
      </h2>
      <p className="text-xs text-slate-500">From each learner&apos;s latest graded submission ({results.itemAnalysis.submissionIds.length}): what their code does now.</p>
      {tests.length === 0 ? (
        <p className="text-sm text-slate-600">No graded submission yet.</p>
      ) : (
        <ScrollTable
          label="Item analysis, scrolls sideways"
          minWidth="36rem"
          testId="item-analysis"
          columns={[{ label: "Test" }, { label: "Fail rate", isNumeric: true }, { label: "Most common failure messages" }, { label: "Flags" }]}
        >
          {tests.map((test) => (
            <tr key={test.name} className="border-t border-slate-100 align-top" data-testid="item-analysis-row" data-test-name={test.name}>
              <th scope="row" className="min-w-44 py-1.5 pr-3 font-normal">
                <span className="font-mono text-[13px] break-all">{test.name}</span>
                {test.visibility === "hidden" && <span className="ml-1 rounded bg-slate-100 px-1.5 text-xs text-slate-600">hidden</span>}
              </th>
              <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">
                {test.failPercent === null ? "—" : `${test.failPercent}%`}
                <span className="block text-xs text-slate-500">
                  {test.failedCount} of {test.learnerCount}
                </span>
              </td>
              <td className="py-1.5 pr-3">
                {test.topMessages.length === 0 ? (
                  <span className="text-slate-500">—</span>
                ) : (
                  <ul className="space-y-1">
                    {test.topMessages.map((message) => (
                      <li key={message.message} className="text-xs">
                        <span className="font-medium tabular-nums">{message.count}×</span> <span className="font-mono break-words">{message.message}</span>{" "}
                        <Link href={cohortLinks.submission(cohortId, message.submissionIds[0]!)} className="text-brand-700 underline">
                          example
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="py-1.5">
                <TestFlags test={test} />
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}

function LearnerResults({ cohortId, results }: { cohortId: string; results: ExerciseResults }) {
  const points = results.exercise.points;
  return (
    <section className="card min-w-0 space-y-3" aria-labelledby="learner-results-heading">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="learner-results-heading" className="font-semibold">
          Per learner
        </h2>
        <a href={cohortLinks.exerciseCsv(cohortId, results.exercise.id)} className="ml-auto text-sm text-brand-700 hover:underline" download>
          Download CSV
        </a>
      </div>
      <ScrollTable
        label="Results per learner, scrolls sideways"
        minWidth="32rem"
        columns={[{ label: "Learner" }, { label: "Best", isNumeric: true }, { label: "Attempts", isNumeric: true }, { label: "Latest" }, { label: "Last activity" }]}
      >
        {results.learners.map((learner) => (
          <tr key={learner.id} className="border-t border-slate-100" data-testid="exercise-learner-row">
            <th scope="row" className="py-1.5 pr-3 font-normal">
              <Link href={cohortLinks.learner(cohortId, learner.id)} className="text-brand-700 hover:underline">
                {learner.name}
              </Link>
            </th>
            <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">
              {learner.bestSubmissionId ? (
                <Link href={cohortLinks.submission(cohortId, learner.bestSubmissionId)} className="text-brand-700 underline">
                  {learner.bestScore ?? "err"} / {points}
                </Link>
              ) : (
                "—"
              )}
            </td>
            <td className="py-1.5 pr-3 text-right tabular-nums">
              {learner.attempts}
              {learner.attemptsToPass !== null && <span className="block text-xs whitespace-nowrap text-slate-500">passed at {learner.attemptsToPass}</span>}
            </td>
            <td className="py-1.5 pr-3">
              {learner.lastStatus && learner.lastSubmissionId ? (
                <Link href={cohortLinks.submission(cohortId, learner.lastSubmissionId)}>
                  <SubmissionStatusBadge status={learner.lastStatus} />
                </Link>
              ) : (
                <span className="whitespace-nowrap text-slate-500">not attempted</span>
              )}
            </td>
            <td className="py-1.5 text-xs text-slate-600">{learner.lastActivityAt ? formatTime(learner.lastActivityAt) : "—"}</td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  );
}

/** One exercise across a cohort: pass rate, attempts it took, item analysis per test, each learner's results. */
export function ExerciseResultsView({ cohortId, exerciseId, regradePanel }: { cohortId: string; exerciseId: string; regradePanel?: React.ReactNode }) {
  const trpc = useTRPC();
  const results = useQuery(trpc.cohort.exerciseResults.queryOptions({ cohortId, exerciseId }));
  const liveState = useCohortLive(cohortId);
  if (results.error) return <p className="text-sm text-rose-700">{describeActionError(results.error)}</p>;
  if (!results.data) return <p className="text-sm text-slate-500">Loading the results…</p>;
  const data = results.data;
  const distribution = data.attemptsToPass.map((group) => ({ attempts: String(group.attempts), learners: group.learnerIds.length }));
  const figures = [
    { id: "pass-rate", label: "Pass rate", value: data.passPercent === null ? "—" : `${data.passPercent}%`, note: `${data.passedLearnerIds.length} of ${data.attemptedLearnerIds.length} who tried` },
    { id: "attempted", label: "Attempted", value: `${data.attemptedLearnerIds.length} / ${data.learnerCount}`, note: "learners" },
  ];
  return (
    <div className="space-y-6">
      <LiveBadge state={liveState} />
      <div className="grid gap-4 md:grid-cols-3">
        {figures.map((figure) => (
          <div key={figure.id} className="card">
            <p className="text-sm text-slate-500">{figure.label}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid={`exercise-${figure.id}`}>
              {figure.value}
            </p>
            <p className="text-xs text-slate-500">{figure.note}</p>
          </div>
        ))}
        <section className="card min-w-0" aria-labelledby="attempts-to-pass-heading">
          <h2 id="attempts-to-pass-heading" className="text-sm text-slate-500">
            Attempts before passing
          </h2>
          {distribution.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Nobody has passed yet.</p>
          ) : (
            <BarChart label="Learners by the number of attempts passing took" data={distribution} xKey="attempts" series={[{ key: "learners", name: "Learners", color: "#059669" }]} height={140} />
          )}
        </section>
      </div>
      <ItemAnalysis cohortId={cohortId} results={data} />
      <LearnerResults cohortId={cohortId} results={data} />
      {regradePanel}
    </div>
  );
}
