"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";

import { attemptsInput } from "./attempts-input";
import { describeError } from "./describe-error";
import { formatScore, formatTime } from "./format";
import { SubmissionStatusBadge } from "./status-badge";
import { SubmissionDetail } from "./submission-detail";
import type { EditorFile, SubmissionSummary } from "./types";
import { isGraderFault } from "./types";

type SubmissionHistoryProps = { exerciseId: string; fileOrder: string[]; onRestore: (files: EditorFile[]) => void };

function describeScore(attempt: SubmissionSummary) {
  if (isGraderFault(attempt)) return "submit again";
  return attempt.mode === "submit" ? formatScore(attempt.score, attempt.maxScore) : "not scored";
}

/** Every attempt at this exercise, newest first; each opens to its code, feedback and diff. */
export function SubmissionHistory({ exerciseId, fileOrder, onRestore }: SubmissionHistoryProps) {
  const trpc = useTRPC();
  const attempts = useQuery(trpc.submission.list.queryOptions(attemptsInput(exerciseId)));
  const [openId, setOpenId] = useState<string | null>(null);

  if (attempts.error) return <p className="text-sm text-rose-700">{describeError(attempts.error)}</p>;
  if (!attempts.data) return <p className="text-sm text-slate-500">Loading your attempts…</p>;
  const list = attempts.data;
  if (openId) {
    const index = list.findIndex((attempt) => attempt.id === openId);
    return (
      <SubmissionDetail
        key={openId}
        id={openId}
        previousId={list[index + 1]?.id ?? null}
        fileOrder={fileOrder}
        onRestore={onRestore}
        onClose={() => setOpenId(null)}
      />
    );
  }
  if (list.length === 0) return <p className="text-sm text-slate-600">No attempts yet. Run the visible tests or submit: every run is kept here.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Your attempts">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1 font-medium">When</th>
          <th className="py-1 font-medium">Kind</th>
          <th className="py-1 font-medium">Status</th>
          <th className="py-1 text-right font-medium">Score</th>
        </tr>
      </thead>
      <tbody>
        {list.map((attempt) => (
          <tr key={attempt.id} data-testid="history-row" className="border-t border-slate-100">
            <td className="py-1.5">
              <button type="button" className="text-brand-700 underline" onClick={() => setOpenId(attempt.id)}>
                {formatTime(attempt.createdAt)}
              </button>
            </td>
            <td className="py-1.5 text-slate-600">{attempt.mode === "submit" ? "Submit" : "Visible tests"}</td>
            <td className="py-1.5">
              <SubmissionStatusBadge status={attempt.status} isGraderFault={isGraderFault(attempt)} />
              {attempt.commentCount > 0 && (
                <span className="ml-1.5 text-xs whitespace-nowrap text-sky-800" data-testid="comment-count">
                  {attempt.commentCount} {attempt.commentCount === 1 ? "comment" : "comments"}
                </span>
              )}
            </td>
            <td className="py-1.5 text-right tabular-nums">{describeScore(attempt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
