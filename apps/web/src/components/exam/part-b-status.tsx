import { formatTime } from "~/components/practice/format";

import type { PartBStatus } from "./types";

type Submission = PartBStatus["exercises"][number]["submissions"][number];

function describe(submission: Submission) {
  if (submission.state === "graded") return "its score is shown with your result";
  return submission.queuePosition ? `position ${submission.queuePosition} in the queue` : "being graded";
}

/** An exercise's exam submissions as the learner may see them during the exam: received, then graded; never a score. */
export function PartBSubmissionStatus({ submissions }: { submissions: Submission[] }) {
  const latest = submissions.at(-1);
  if (!latest) {
    return <p className="text-sm text-slate-600">Submit when you are ready: your best submission counts, and its grading report is shown with your result.</p>;
  }
  return (
    <section aria-label="Your submissions" data-testid="exam-submission" data-state={latest.state} className="space-y-1">
      <p className="flex flex-wrap items-center gap-2 text-sm" role="status">
        {latest.state === "received" && <span aria-hidden className="inline-block size-3 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" />}
        <span className="font-medium" data-testid="exam-submission-state">
          {latest.state === "received" ? "Received" : "Graded"}
        </span>
        <span className="text-slate-600">{describe(latest)}</span>
      </p>
      <p className="text-xs text-slate-500">
        {submissions.length} submission{submissions.length === 1 ? "" : "s"}, the latest at {formatTime(latest.createdAt)}. Your best submission counts.
      </p>
    </section>
  );
}
