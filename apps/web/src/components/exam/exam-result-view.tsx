"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { DifficultyBadge } from "~/components/practice/status-badge";
import { useTRPC } from "~/trpc/react";

import { ChapterChart } from "./chapter-chart";
import { formatTimeUsed } from "./format";
import { PartBReport } from "./part-b-report";
import type { ExamResult } from "./types";
import { useLiveExamResult } from "./use-live-exam-result";

function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div className="card">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

function Verdict({ result }: { result: ExamResult }) {
  if (result.isPassed === null) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-700" role="status" data-testid="result-verdict" data-verdict="grading">
        <span aria-hidden className="inline-block size-3 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" />
        Part B is still being graded: your overall score appears here as soon as it is.
      </p>
    );
  }
  return (
    <p
      className={`rounded-md px-4 py-3 font-medium ${result.isPassed ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-950"}`}
      role="status"
      data-testid="result-verdict"
      data-verdict={result.isPassed ? "passed" : "failed"}
    >
      {result.isPassed ? `Passed: ${result.score}% (${result.passPercent}% passes).` : `Not passed: ${result.score}%, and ${result.passPercent}% passes.`}
    </p>
  );
}

function WeakestChapters({ result }: { result: ExamResult }) {
  const weakest = result.partA.chapters.filter((chapter) => chapter.isWeakest || chapter.percent < result.passPercent).sort((a, b) => a.percent - b.percent).slice(0, 3);
  if (weakest.length === 0) return <p className="text-sm text-slate-600">No chapter below the pass mark: well done.</p>;
  return (
    <div className="space-y-3" data-testid="weakest-chapters">
      <h3 className="text-sm font-medium text-slate-700">Study next</h3>
      {weakest.map((chapter) => (
        <div key={chapter.chapter} className="space-y-1">
          <p className="text-sm font-medium">
            {chapter.chapter}. {chapter.title} · {chapter.percent}%
          </p>
          <ul className="space-y-0.5 text-sm">
            {chapter.sections.map((section) => (
              <li key={section.id} className="flex flex-wrap gap-x-3">
                <Link href={`/learn/${section.id}`} className="text-brand-700 underline">
                  {section.id} {section.title}
                </Link>
                <Link href={`/learn/${section.id}/quiz`} className="text-slate-600 underline" aria-label={`Quiz ${section.id} ${section.title}`}>
                  quiz
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** A finished attempt's result: the figures, Part A by chapter, Part B's reports; live while Part B is graded. */
export function ExamResultView({ attemptId, exerciseFiles }: { attemptId: string; exerciseFiles: Record<string, string[]> }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.exam.result.queryOptions({ attemptId }));
  useLiveExamResult(attemptId, query.data?.grading === "final");
  const result = query.data!;
  return (
    <div className="space-y-6" data-testid="exam-result" data-grading={result.grading}>
      {result.status === "expired" && (
        <p className="text-sm text-slate-600" data-testid="result-expired">
          Time ran out: the exam was submitted for you at its deadline, with every answer and all the code saved before it.
        </p>
      )}
      <Verdict result={result} />
      <section aria-label="Scores" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Figure label="Overall" value={result.score === null ? "grading…" : `${result.score}%`} testId="result-score" />
        <Figure label={`Part A (${result.partA.weightPercent}%)`} value={`${result.partA.score} / ${result.partA.maxScore}`} testId="result-part-a" />
        <Figure label={`Part B (${result.partB.weightPercent}%)`} value={result.partB.percent === null ? "grading…" : `${result.partB.percent}%`} testId="result-part-b" />
        <Figure label="Time used" value={formatTimeUsed(result.timeUsedSeconds * 1000)} testId="result-time-used" />
      </section>
      <section aria-labelledby="chapters-heading" className="card space-y-4" data-testid="chapter-breakdown">
        <h2 id="chapters-heading" className="font-semibold">
          Part A by chapter
        </h2>
        <ChapterChart chapters={result.partA.chapters} passPercent={result.passPercent} />
        <div className="overflow-x-auto">
          <table className="w-full min-w-[18rem] text-left text-sm">
            <caption className="sr-only">Part A by chapter</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  Chapter
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Right
                </th>
              </tr>
            </thead>
            <tbody>
              {result.partA.chapters.map((chapter) => (
                <tr key={chapter.chapter} className="border-t border-slate-100" data-testid={`chapter-row-${chapter.chapter}`}>
                  <td className="py-1">
                    <Link href={`/learn/${chapter.sections[0]?.id ?? ""}`} className="hover:underline">
                      {chapter.chapter}. {chapter.title}
                    </Link>
                  </td>
                  <td className="py-1 text-right tabular-nums">
                    {chapter.score} / {chapter.maxScore} ({chapter.percent}%)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <WeakestChapters result={result} />
      </section>
      <section aria-labelledby="part-b-heading" className="space-y-4">
        <h2 id="part-b-heading" className="text-lg font-semibold">
          Part B
        </h2>
        {result.partB.exercises.map((exercise) => (
          <div key={exercise.id} className="card space-y-3" data-testid={`result-exercise-${exercise.id}`} data-grading={exercise.grading}>
            <div className="flex flex-wrap items-center gap-3">
              <h3 className="font-semibold">{exercise.title}</h3>
              <DifficultyBadge difficulty={exercise.difficulty} />
              <span className="ml-auto text-sm tabular-nums">
                {exercise.grading === "not-submitted" ? "Not submitted: 0" : exercise.bestScore === null ? "grading…" : `${exercise.bestScore} / ${exercise.points}`} points
              </span>
            </div>
            {exercise.grading === "not-submitted" ? (
              <p className="text-sm text-slate-600">Nothing was submitted for this exercise.</p>
            ) : exercise.bestSubmissionId ? (
              <>
                <p className="text-xs text-slate-500">
                  {exercise.submissionCount} submission{exercise.submissionCount === 1 ? "" : "s"}; the best one is shown{exercise.grading === "grading" ? ", and later ones are still being graded" : ""}.
                </p>
                <PartBReport submissionId={exercise.bestSubmissionId} files={exerciseFiles[exercise.id] ?? []} />
              </>
            ) : (
              <p className="flex items-center gap-2 text-sm text-slate-700" role="status">
                <span aria-hidden className="inline-block size-3 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" />
                Being graded: the report appears here when it is done.
              </p>
            )}
          </div>
        ))}
      </section>
    </div>
  );
}
