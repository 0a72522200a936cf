"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { CommentList } from "~/components/instructor/comment-list";
import { useTRPC } from "~/trpc/react";

import { CodeDiff } from "./code-diff";
import { CodeEditor } from "./code-editor";
import { describeError } from "./describe-error";
import { FeedbackPanel } from "./feedback-panel";
import { FileTabs } from "./file-tabs";
import { formatTime } from "./format";
import type { EditorFile } from "./types";
import { useLiveSubmission } from "./use-live-submission";

type View = "feedback" | "code" | "changes";

type SubmissionDetailProps = {
  id: string;
  previousId: string | null;
  fileOrder: string[];
  onRestore: (files: EditorFile[]) => void;
  onClose: () => void;
};

/** One past attempt: its feedback, its code, and what changed since the attempt before it. */
export function SubmissionDetail({ id, previousId, fileOrder, onRestore, onClose }: SubmissionDetailProps) {
  const trpc = useTRPC();
  const { submission, error } = useLiveSubmission(id);
  const previous = useQuery(trpc.submission.get.queryOptions(previousId ? { id: previousId } : skipToken, { staleTime: Infinity }));
  const [view, setView] = useState<View>("feedback");
  const [file, setFile] = useState(fileOrder[0] ?? "");

  if (error) return <p className="text-sm text-rose-700">{describeError(error)}</p>;
  if (!submission) return <p className="text-sm text-slate-500">Loading the attempt…</p>;
  const files = submission.files;
  const shown = files.find((f) => f.name === file) ?? files[0];
  return (
    <div className="space-y-3" data-testid="submission-detail">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="text-sm text-brand-700 underline" onClick={onClose}>
          ← All attempts
        </button>
        <span className="text-sm text-slate-600">Attempt of {formatTime(submission.createdAt)}</span>
        <button type="button" className="btn-secondary ml-auto !px-3 !py-1" onClick={() => onRestore(files)}>
          Load this code into the editor
        </button>
      </div>
      <CommentList comments={submission.comments} />
      <div role="tablist" aria-label="Attempt" className="flex gap-1 text-sm">
        {(["feedback", "code", "changes"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={view === name}
            onClick={() => setView(name)}
            className={`rounded-md px-3 py-1 ${view === name ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {name === "feedback" ? "Feedback" : name === "code" ? "Code" : "Changes since previous attempt"}
          </button>
        ))}
      </div>
      {view === "feedback" && <FeedbackPanel submission={submission} files={fileOrder} />}
      {view === "code" && shown && (
        <div className="space-y-2">
          {files.length > 1 && <FileTabs names={files.map((f) => f.name)} active={shown.name} onSelect={setFile} label="Files of this attempt" />}
          <CodeEditor key={`${id}:${shown.name}`} value={shown.content} label={`Submitted ${shown.name}`} isReadOnly height="420px" />
        </div>
      )}
      {view === "changes" &&
        (!previousId ? (
          <p className="text-sm text-slate-600">This is your first attempt: there is nothing to compare it with.</p>
        ) : previous.data ? (
          <CodeDiff previous={previous.data.files} current={files} order={fileOrder} />
        ) : (
          <p className="text-sm text-slate-500">Loading the previous attempt…</p>
        ))}
    </div>
  );
}
