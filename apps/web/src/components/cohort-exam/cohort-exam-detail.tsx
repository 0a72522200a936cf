"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { ActionError } from "~/components/instructor/describe-action-error";
import { useTRPC } from "~/trpc/react";

import { ExamResultsTable } from "./exam-results-table";
import { ExamRoster } from "./exam-roster";
import { formatExamTime } from "./format-exam-time";
import { useLiveRoster, useServerNow } from "./use-live-roster";

type WindowState = "Not open yet" | "Open now" | "Closed";

function useRefreshRosterOnSuccess(examId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cohortExam.roster.queryKey({ examId }) }) };
}

/** While the window is open learners may still be writing, so results wait for the close; the instructor can close it early. */
function CloseExamNow({ examId, closesAt }: { examId: string; closesAt: Date }) {
  const trpc = useTRPC();
  const close = useMutation(trpc.cohortExam.closeNow.mutationOptions(useRefreshRosterOnSuccess(examId)));
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        Learners can still write until {formatExamTime(closesAt)}, so the results can be released once the exam has closed. Has everyone finished? Close it now: attempts
        still running end with what they saved.
      </p>
      <button type="button" className="btn-secondary" disabled={close.isPending} onClick={() => close.mutate({ examId })}>
        {close.isPending ? "Closing…" : "Close exam now"}
      </button>
      <ActionError error={close.error} />
    </div>
  );
}

function ReleaseResults({ examId, releasedAt, windowState, closesAt }: { examId: string; releasedAt: Date | null; windowState: WindowState; closesAt: Date }) {
  const trpc = useTRPC();
  const release = useMutation(trpc.cohortExam.release.mutationOptions(useRefreshRosterOnSuccess(examId)));
  if (releasedAt) {
    return (
      <p className="text-sm text-emerald-800" data-testid="results-released">
        Results released {formatExamTime(releasedAt)}: learners see their scores.
      </p>
    );
  }
  if (windowState === "Not open yet") return <p className="text-sm text-slate-600">The results can be released once the exam has been sat and has closed.</p>;
  if (windowState === "Open now") return <CloseExamNow examId={examId} closesAt={closesAt} />;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">Learners see &ldquo;submitted&rdquo; and no score until you release the results.</p>
      <button type="button" className="btn-primary" disabled={release.isPending} onClick={() => release.mutate({ examId })}>
        {release.isPending ? "Releasing…" : "Release results"}
      </button>
      <ActionError error={release.error} />
    </div>
  );
}

/** The scheduled exam for its instructors: the window, the live roster, the results table, CSV export and release. */
export function CohortExamDetail({ cohortId, examId }: { cohortId: string; examId: string }) {
  const { roster, error, isLive } = useLiveRoster(examId);
  const serverNow = useServerNow(roster?.now);
  if (!roster) return error ? <ActionError error={error} /> : <p className="text-sm text-slate-600">Loading…</p>;
  const { exam } = roster;
  const windowState: WindowState = serverNow < exam.opensAt.getTime() ? "Not open yet" : serverNow < exam.closesAt.getTime() ? "Open now" : "Closed";
  return (
    <div className="space-y-6">
      <section className="card space-y-1 text-sm">
        <p>
          <span className="font-medium">{windowState}</span> · {formatExamTime(exam.opensAt)} – {formatExamTime(exam.closesAt)}
        </p>
        <p className="text-slate-600">{exam.durationMinutes} minutes per learner, plus any extra time, and never past the close.</p>
      </section>
      <ExamRoster roster={roster} serverNow={serverNow} isLive={isLive} />
      <section aria-labelledby="results-heading" className="card space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="results-heading" className="font-semibold">
            Results
          </h2>
          <a className="btn-secondary" href={`/api/cohorts/${cohortId}/exams/${examId}/results.csv`} download>
            Export CSV
          </a>
        </div>
        <ExamResultsTable learners={roster.learners} />
        <ReleaseResults examId={examId} releasedAt={exam.resultsReleasedAt} windowState={windowState} closesAt={exam.closesAt} />
      </section>
    </div>
  );
}
