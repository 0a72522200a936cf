"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { CodeDiff } from "~/components/practice/code-diff";
import { CodeEditor } from "~/components/practice/code-editor";
import { FeedbackPanel } from "~/components/practice/feedback-panel";
import { FileTabs } from "~/components/practice/file-tabs";
import { formatScore, formatTime } from "~/components/practice/format";
import { useTRPC } from "~/trpc/react";

import { cohortLinks } from "./cohort-links";
import { CommentList } from "./comment-list";
import { ActionError, describeActionError } from "./describe-action-error";
import type { CohortSubmission } from "./types";
import { useCohortLive } from "./use-cohort-live";

const COMMENT_MAX_LENGTH = 4000;

function CommentForm({ cohortId, submissionId }: { cohortId: string; submissionId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const add = useMutation(
    trpc.cohort.addComment.mutationOptions({
      onSuccess: async () => {
        setBody("");
        await queryClient.invalidateQueries({ queryKey: trpc.cohort.pathKey() });
      },
    }),
  );
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ cohortId, submissionId, body });
      }}
    >
      <label className="label" htmlFor="comment-body">
        Comment for the learner
      </label>
      <textarea id="comment-body" className="field min-h-24" required maxLength={COMMENT_MAX_LENGTH} value={body} onChange={(event) => setBody(event.target.value)} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={add.isPending}>
          Add comment
        </button>
        <span className="text-xs text-slate-500">The learner sees it with this attempt in their history.</span>
      </div>
      <ActionError error={add.error} />
    </form>
  );
}

function SubmittedCode({ submission }: { submission: CohortSubmission["submission"] }) {
  const [file, setFile] = useState(submission.files[0]?.name ?? "");
  const shown = submission.files.find((entry) => entry.name === file) ?? submission.files[0];
  if (!shown) return null;
  return (
    <div className="space-y-2">
      {submission.files.length > 1 && <FileTabs names={submission.files.map((entry) => entry.name)} active={shown.name} onSelect={setFile} label="Submitted files" />}
      <CodeEditor key={shown.name} value={shown.content} label={`Submitted ${shown.name}`} isReadOnly height="420px" />
    </div>
  );
}

/** One submission for the cohort's instructor: who and what, the report, the code, the diff from the attempt before, and comments. */
export function SubmissionReview({ cohortId, submissionId }: { cohortId: string; submissionId: string }) {
  const trpc = useTRPC();
  const review = useQuery(trpc.cohort.submission.queryOptions({ cohortId, submissionId }));
  // A submission still being graded shows its report when the grading ends.
  useCohortLive(cohortId);
  if (review.error) return <p className="text-sm text-rose-700">{describeActionError(review.error)}</p>;
  if (!review.data) return <p className="text-sm text-slate-500">Loading the submission…</p>;
  const { submission, previous, comments } = review.data;
  const fileOrder = submission.files.map((file) => file.name);
  return (
    <div className="space-y-6">
      <section className="card space-y-3" aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="font-semibold">
          Comments
        </h2>
        <CommentList comments={comments} emptyText="No comment yet." />
        <CommentForm cohortId={cohortId} submissionId={submissionId} />
      </section>
      <section className="card min-w-0" aria-labelledby="report-heading">
        <h2 id="report-heading" className="mb-3 font-semibold">
          Report
        </h2>
        {/* Long test names do not wrap: on a phone the report scrolls sideways in its own box. */}
        <div className="relative max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label="Report, scrolls sideways">
          <FeedbackPanel submission={{ ...submission, queuePosition: null, estimatedWaitSeconds: null, comments: [] }} files={fileOrder} />
        </div>
      </section>
      <section className="card min-w-0 space-y-3" aria-labelledby="code-heading">
        <h2 id="code-heading" className="font-semibold">
          Code
        </h2>
        <SubmittedCode submission={submission} />
      </section>
      <section className="card min-w-0 space-y-3" aria-labelledby="diff-heading">
        <h2 id="diff-heading" className="font-semibold">
          Changes since the previous attempt
        </h2>
        {previous ? (
          <>
            <p className="text-sm text-slate-600">
              Against the attempt of{" "}
              <Link href={cohortLinks.submission(cohortId, previous.id)} className="text-brand-700 underline">
                {formatTime(previous.createdAt)}
              </Link>{" "}
              ({previous.status}, {formatScore(previous.score, previous.maxScore)}).
            </p>
            <CodeDiff previous={previous.files} current={submission.files} order={fileOrder} />
          </>
        ) : (
          <p className="text-sm text-slate-600">This is the learner&apos;s first attempt at this exercise: there is nothing to compare it with.</p>
        )}
      </section>
    </div>
  );
}
