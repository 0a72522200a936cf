"use client";

import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The list the page read on the server comes with it; refetched after each submission. */
export function QuizAttempts({ sectionId }: { sectionId: string }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.quiz.attempts.queryOptions({ sectionId }));
  return (
    <section aria-labelledby="attempts-heading" className="card text-sm" data-testid="quiz-attempts">
      <h2 id="attempts-heading" className="font-semibold">
        Your attempts
      </h2>
      {data?.bestScore && (
        <p className="mt-1 text-slate-600">
          Best score:{" "}
          <span className="font-semibold tabular-nums text-slate-900" data-testid="attempts-best">
            {data.bestScore.score} / {data.bestScore.maxScore}
          </span>
          {data.isPassed && <span className="ml-2 text-brand-700">passed</span>}
        </p>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-red-700">
          {error.message}
        </p>
      ) : !data ? (
        <p className="mt-2 text-slate-500">Loading your attempts…</p>
      ) : data.attempts.length === 0 ? (
        <p className="mt-2 text-slate-500">No attempts yet. Your scores will appear here.</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100">
          {data.attempts.slice(0, 10).map((attempt) => (
            <li key={attempt.id} className="flex justify-between gap-2 py-1.5">
              <span className="text-slate-500">{dateFormat.format(attempt.createdAt)}</span>
              <span className="tabular-nums">
                {attempt.score} / {attempt.maxScore}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
