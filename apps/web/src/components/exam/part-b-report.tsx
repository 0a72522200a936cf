"use client";

import { useQuery } from "@tanstack/react-query";

import { describeError } from "~/components/practice/describe-error";
import { FeedbackPanel } from "~/components/practice/feedback-panel";
import { useTRPC } from "~/trpc/react";

/** The best submission's full grading report, as the practice workspace shows it. */
export function PartBReport({ submissionId, files }: { submissionId: string; files: string[] }) {
  const trpc = useTRPC();
  const submission = useQuery(trpc.submission.get.queryOptions({ id: submissionId }));
  if (submission.error) return <p className="text-sm text-rose-700">{describeError(submission.error)}</p>;
  if (!submission.data) return <p className="text-sm text-slate-500">Loading the grading report…</p>;
  return <FeedbackPanel submission={submission.data} files={files} />;
}
