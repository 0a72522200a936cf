"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { ProgressBar } from "~/components/learn/progress-bar";
import { useTRPC } from "~/trpc/react";

import { describeExamError } from "./describe-exam-error";

/** Per chapter, how ready the learner looks from recent quizzes and mock exams; chapters below the pass mark link to their lessons. */
export function ExamReadiness() {
  const trpc = useTRPC();
  const readiness = useQuery(trpc.exam.readiness.queryOptions());
  if (readiness.error) return <p className="text-sm text-rose-700">{describeExamError(readiness.error)}</p>;
  if (!readiness.data) return <p className="text-sm text-slate-500">Loading your readiness…</p>;
  const { chapters, minAnswers, halfLifeDays, passPercent } = readiness.data;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        The share of questions you got right per chapter in quizzes and mock exams, recent answers weighing more (half as much every {halfLifeDays} days). A chapter needs {minAnswers}{" "}
        answers for an estimate.
      </p>
      <ul className="grid gap-x-8 gap-y-3 sm:grid-cols-2" aria-label="Readiness per chapter">
        {chapters.map((chapter) => (
          <li key={chapter.chapter} className="space-y-1" data-testid={`readiness-${chapter.chapter}`} data-state={chapter.state}>
            <div className="flex justify-between gap-2 text-sm">
              <Link href={`/learn#chapter-${chapter.chapter}`} className="truncate hover:underline">
                {chapter.chapter}. {chapter.title}
              </Link>
              <span className={`shrink-0 tabular-nums ${chapter.estimatePercent !== null && chapter.estimatePercent < passPercent ? "text-amber-800" : "text-slate-600"}`}>
                {chapter.estimatePercent === null ? `${chapter.answered}/${minAnswers} answers` : `${chapter.estimatePercent}%`}
              </span>
            </div>
            <ProgressBar value={chapter.estimatePercent ?? 0} max={100} label={`Chapter ${chapter.chapter} readiness`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
