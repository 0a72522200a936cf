"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { formatTime } from "~/components/practice/format";
import { useTRPC } from "~/trpc/react";

import { describeExamError } from "./describe-exam-error";
import { TrendChart } from "./trend-chart";
import type { ExamHistoryEntry } from "./types";

const STATUS_LABEL: Record<ExamHistoryEntry["status"], string> = { "in-progress": "In progress", submitted: "Submitted", expired: "Time ran out" };

function describeScore(entry: ExamHistoryEntry, passPercent: number) {
  if (entry.status === "in-progress") return "—";
  if (entry.isResultWithheld) return "Submitted; results not released yet";
  if (entry.score === null) return "Part B being graded";
  return <span className={entry.score >= passPercent ? "text-emerald-700" : "text-amber-800"}>{entry.score}%</span>;
}

/** Every attempt, newest first, each linked to its result (or its sitting), with the score trend above. */
export function ExamHistory({ passPercent }: { passPercent: number }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.exam.history.queryOptions());
  if (history.error) return <p className="text-sm text-rose-700">{describeExamError(history.error)}</p>;
  if (!history.data) return <p className="text-sm text-slate-500">Loading your attempts…</p>;
  const attempts = history.data;
  if (attempts.length === 0) return <p className="text-sm text-slate-600">No attempts yet. Start a mock exam above: your scores and their trend will show here.</p>;
  const points = [...attempts].reverse().flatMap((entry, index) => (entry.score === null ? [] : [{ label: `#${index + 1}`, percent: entry.score }]));
  return (
    <div className="space-y-4">
      {points.length > 0 && <TrendChart points={points} passPercent={passPercent} />}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[26rem] text-left text-sm" aria-label="Your exam attempts">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Started
              </th>
              <th scope="col" className="py-1 font-medium">
                Exam
              </th>
              <th scope="col" className="py-1 font-medium">
                Status
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((entry, index) => {
              const href = `/exam/attempts/${entry.attemptId}${entry.status === "in-progress" ? "" : "/result"}`;
              return (
                <tr key={entry.attemptId} className="border-t border-slate-100" data-testid="exam-history-row" data-status={entry.status}>
                  <td className="py-1.5">
                    <Link href={href} className="text-brand-700 underline">
                      #{attempts.length - index} · {formatTime(entry.startedAt)}
                    </Link>
                  </td>
                  <td className="py-1.5 text-slate-700">{entry.examTitle}</td>
                  <td className="py-1.5 text-slate-700">{STATUS_LABEL[entry.status]}</td>
                  <td className="py-1.5 text-right tabular-nums" data-testid="exam-history-score">
                    {describeScore(entry, passPercent)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
