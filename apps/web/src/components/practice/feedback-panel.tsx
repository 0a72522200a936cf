"use client";

import { isFinalStatus } from "@academy/submission-lifecycle/statuses";

import { explainOutcome } from "./explain-outcome";
import type { OutcomeKind } from "./explain-outcome";
import { formatDuration, formatScore } from "./format";
import { describeQueuePlace } from "./queue-place";
import { SubmissionStatusBadge } from "./status-badge";
import { TestResults } from "./test-results";
import type { ErrorLocation, GradingReport, SubmissionDetail } from "./types";
import { isGraderFault } from "./types";

type FeedbackPanelProps = {
  submission: SubmissionDetail;
  files: string[];
  onShowLocation?: (location: ErrorLocation) => void;
};

function PendingStatus({ submission }: { submission: SubmissionDetail }) {
  const place = describeQueuePlace(submission.queuePosition, submission.estimatedWaitSeconds);
  const text = submission.status === "queued" ? `Waiting for a grader${place ? `: ${place}` : ""}…` : "Running your tests in a sandbox…";
  return (
    <p className="flex items-center gap-2 text-sm text-slate-700" role="status">
      <span aria-hidden className="inline-block size-3 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" />
      {text}
    </p>
  );
}

function ReportOutput({ report }: { report: GradingReport }) {
  if (report.output.trim() === "") return null;
  return (
    <details open={report.status !== "passed"} className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        {report.status === "error" ? "Why it did not run" : "Output of your code"}
        {report.limits.outputTruncated && (
          <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-normal text-amber-900" data-testid="output-truncated">
            truncated: only the first part was kept
          </span>
        )}
      </summary>
      <pre className="max-h-72 overflow-auto border-t border-slate-200 bg-slate-900 p-3 text-xs whitespace-pre-wrap text-slate-100" data-testid="report-output">
        {report.output}
      </pre>
    </details>
  );
}

// Whose problem it is shows at a glance: a failure of ours in a dashed grey box, an error in the code marked red.
const OUTCOME_STYLE: Partial<Record<OutcomeKind, string>> = {
  "grader-fault": "rounded-md border border-dashed border-slate-400 bg-slate-50 px-3 py-2",
  "code-error": "border-l-4 border-rose-400 pl-3",
};

/** The result of one run: verdict, score, each test, and the captured output. */
export function FeedbackPanel({ submission, files, onShowLocation }: FeedbackPanelProps) {
  const isDone = isFinalStatus(submission.status);
  const { report } = submission;
  const outcome = isDone ? explainOutcome(submission, report) : null;
  // A file the editor does not show (a later exercise version dropped it) has nowhere to put the cursor.
  const location = report?.errorLocation && files.includes(report.errorLocation.file) ? report.errorLocation : null;
  const isScored = submission.mode === "submit";
  // When the code never ran, every test "did not finish": the reason matters, the list does not.
  const couldNotRun = report?.status === "error" || report?.status === "timeout";
  return (
    <section aria-label="Feedback" data-testid="feedback-panel" data-status={submission.status} data-submission-id={submission.id} className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="submission-status">
          <SubmissionStatusBadge status={submission.status} isGraderFault={isGraderFault({ status: submission.status, hasReport: submission.report !== null })} />
        </span>
        <span className="text-xs text-slate-500">{isScored ? "Submission" : "Visible tests only"}</span>
        {isDone && isScored && report && (
          <span className="ml-auto text-sm font-semibold" data-testid="submission-score">
            Score {formatScore(submission.score, submission.maxScore)}
          </span>
        )}
      </div>
      {!isDone && <PendingStatus submission={submission} />}
      {outcome && (
        <div className={`space-y-1 ${OUTCOME_STYLE[outcome.kind] ?? ""}`} data-testid="outcome" data-kind={outcome.kind}>
          <p className="font-medium" data-testid="outcome-headline">
            {outcome.headline}
          </p>
          {outcome.details.map((detail) => (
            <p key={detail} className="text-sm text-slate-600">
              {detail}
            </p>
          ))}
        </div>
      )}
      {location && (
        <p className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900" data-testid="error-location">
          The problem is in <span className="font-mono">{location.file}</span>, line {location.line}.{" "}
          {onShowLocation && (
            <button type="button" className="font-medium underline" onClick={() => onShowLocation(location)}>
              Show it in the editor
            </button>
          )}
        </p>
      )}
      {report && !couldNotRun && <TestResults tests={report.tests} />}
      {report && <ReportOutput report={report} />}
      {report && couldNotRun && report.tests.length > 0 && (
        <details className="rounded-md border border-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-sm text-slate-600">
            {report.tests.filter((test) => test.status !== "passed").length} of {report.tests.length} tests could not pass
          </summary>
          <div className="p-2">
            <TestResults tests={report.tests} />
          </div>
        </details>
      )}
      {report && isDone && (
        <p className="text-xs text-slate-500">
          Graded in {formatDuration(report.timing.totalMs)}
          {report.timing.queuedMs > 0 && `, after ${formatDuration(report.timing.queuedMs)} in the queue`}.
        </p>
      )}
    </section>
  );
}
