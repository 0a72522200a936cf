"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { CodeDiff } from "~/components/practice/code-diff";
import { formatTime } from "~/components/practice/format";
import { useTRPC } from "~/trpc/react";

export const HISTORY_PAGE_SIZE = 50;

function SaveDiff({ teamId, saveId }: { teamId: string; saveId: string }) {
  const trpc = useTRPC();
  const { data: save, error } = useQuery(trpc.team.save.queryOptions({ teamId, saveId }));
  if (error) return <p className="text-sm text-rose-700">This save could not be read: {error.message}</p>;
  if (!save) return <p className="text-sm text-slate-600">Loading the diff…</p>;
  return <CodeDiff previous={[{ name: save.fileName, content: save.previousContent }]} current={[{ name: save.fileName, content: save.content }]} order={[save.fileName]} />;
}

/** Every save of the team's code, newest first, each with its author and, opened, its diff. */
export function CodeHistory({ teamId }: { teamId: string }) {
  const trpc = useTRPC();
  const { data: saves } = useQuery(trpc.team.saves.queryOptions({ teamId, limit: HISTORY_PAGE_SIZE }));
  const [openId, setOpenId] = useState<string | null>(null);
  if (!saves) return <p className="text-sm text-slate-600">Loading the history…</p>;
  if (saves.length === 0) return <p className="text-sm text-slate-600">No saves yet: the code is the template&apos;s starter. Open Code to make the first change.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="code-history">
      {saves.map((save) => {
        const isOpen = openId === save.id;
        return (
          <li key={save.id} className="p-3 text-sm" data-testid="code-save">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-mono">{save.fileName}</span>
              <span className="text-slate-600">version {save.version}</span>
              <span className="font-medium">{save.authorName ?? "A former member"}</span>
              <time className="text-slate-600" dateTime={save.createdAt.toISOString()}>
                {formatTime(save.createdAt)}
              </time>
              <span className="text-emerald-700">+{save.linesAdded}</span>
              <span className="text-rose-700">−{save.linesRemoved}</span>
              <button type="button" className="ml-auto text-brand-700 underline" aria-expanded={isOpen} onClick={() => setOpenId(isOpen ? null : save.id)}>
                {isOpen ? "Hide diff" : "Show diff"}
              </button>
            </div>
            {isOpen && (
              <div className="mt-2">
                <SaveDiff teamId={teamId} saveId={save.id} />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
