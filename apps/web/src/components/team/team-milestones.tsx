"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { isFinalStatus } from "@academy/submission-lifecycle/statuses";

import { ActionError } from "~/components/instructor/describe-action-error";
import { formatScore, formatTime } from "~/components/practice/format";
import { SubmissionStatusBadge } from "~/components/practice/status-badge";
import { TestResults } from "~/components/practice/test-results";
import { useTRPC } from "~/trpc/react";

import type { MilestoneResult, TeamDetail } from "./types";

const STATUS_TEXT: Record<MilestoneResult["status"], { label: string; tone: string }> = {
  "not-started": { label: "Not submitted", tone: "bg-slate-100 text-slate-700" },
  submitted: { label: "Submitted", tone: "bg-sky-100 text-sky-900" },
  passed: { label: "Passed", tone: "bg-emerald-100 text-emerald-900" },
  late: { label: "Due date passed", tone: "bg-rose-100 text-rose-900" },
};

/** The full report of one of the team's milestone submissions: every hidden test's outcome (never its code). */
function SubmissionReport({ teamId, submissionId }: { teamId: string; submissionId: string }) {
  const trpc = useTRPC();
  const { data: submission, error } = useQuery(trpc.team.submission.queryOptions({ teamId, submissionId }));
  if (error) return <p className="text-sm text-rose-700">This report could not be read: {error.message}</p>;
  if (!submission) return <p className="text-sm text-slate-600">Loading the report…</p>;
  return (
    <div className="space-y-2" data-testid="milestone-report">
      {submission.errorMessage && <p className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">{submission.errorMessage}</p>}
      {submission.tests.length > 0 ? <TestResults tests={submission.tests} /> : isFinalStatus(submission.status) && <p className="text-sm text-slate-600">No test ran.</p>}
    </div>
  );
}

function MilestoneCard({ team, milestone }: { team: TeamDetail; milestone: MilestoneResult }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [openId, setOpenId] = useState<string | null>(null);
  const submit = useMutation(
    trpc.team.submitMilestone.mutationOptions({
      onSuccess: (created) => {
        setOpenId(created.id);
        void queryClient.invalidateQueries({ queryKey: trpc.team.milestones.queryKey({ teamId: team.id }) });
      },
    }),
  );
  const status = STATUS_TEXT[milestone.status];
  const latest = milestone.submissions.at(-1);
  const isPending = milestone.pendingCount > 0;
  const headingId = `milestone-${milestone.key}`;
  return (
    <section aria-labelledby={headingId} className="card space-y-3" data-testid="milestone" data-key={milestone.key} data-status={milestone.status}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 id={headingId} className="min-w-0 font-semibold break-words">
          {milestone.position + 1}. {milestone.title}
        </h3>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${status.tone}`} data-testid="milestone-status">
          {status.label}
        </span>
        <span className={`text-sm ${milestone.isOverdue ? "font-medium text-rose-700" : "text-slate-600"}`}>
          {milestone.dueAt ? `${milestone.isOverdue ? "Was due" : "Due"} ${formatTime(milestone.dueAt)}` : "No due date"}
        </span>
      </div>
      <p className="text-sm" data-testid="milestone-best">
        Best result:{" "}
        {milestone.best ? (
          <>
            <span className="font-semibold">{formatScore(milestone.best.score, milestone.best.maxScore)}</span>
            {milestone.best.isLate && <span className="ml-2 rounded bg-rose-100 px-1.5 text-xs text-rose-900">late</span>}
          </>
        ) : (
          <span className="text-slate-600">{isPending ? "grading…" : "none yet"}</span>
        )}
      </p>
      {team.viewerIsMember && (
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className="btn-primary" disabled={submit.isPending || isPending} onClick={() => submit.mutate({ teamId: team.id, milestoneKey: milestone.key })}>
            {submit.isPending ? "Submitting…" : "Submit the team's code"}
          </button>
          <span className="text-xs text-slate-600">{isPending ? "A submission is being graded." : milestone.isOverdue ? "It will be marked late." : "The code as saved now is graded against this milestone's hidden tests."}</span>
        </div>
      )}
      <ActionError error={submit.error} />
      {milestone.submissions.length > 0 && (
        <ol className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" aria-label={`Submissions for ${milestone.title}`}>
          {[...milestone.submissions].reverse().map((submission) => {
            const isOpen = openId === submission.id || (openId === null && submission.id === latest?.id);
            return (
              <li key={submission.id} className="space-y-2 p-2" data-testid="milestone-submission" data-status={submission.status}>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <SubmissionStatusBadge status={submission.status} isGraderFault={false} />
                  <span className="font-medium" data-testid="milestone-submission-score">
                    {isFinalStatus(submission.status) ? formatScore(submission.score, submission.maxScore) : "grading…"}
                  </span>
                  {submission.isLate && <span className="rounded bg-rose-100 px-1.5 text-xs text-rose-900">late</span>}
                  <span className="text-slate-600">
                    {submission.submittedByName} · {formatTime(submission.createdAt)}
                  </span>
                  <button type="button" className="ml-auto text-brand-700 underline" aria-expanded={isOpen} onClick={() => setOpenId(isOpen ? "" : submission.id)}>
                    {isOpen ? "Hide report" : "Full report"}
                  </button>
                </div>
                {isOpen && <SubmissionReport teamId={team.id} submissionId={submission.id} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** The project's milestones: status, due date, best result, every submission with its report; live for every member. */
export function TeamMilestones({ team }: { team: TeamDetail }) {
  const trpc = useTRPC();
  const { data: milestones } = useQuery(trpc.team.milestones.queryOptions({ teamId: team.id }));
  if (!milestones) return <p className="text-sm text-slate-600">Loading the milestones…</p>;
  if (milestones.length === 0) return <p className="text-sm text-slate-600">This project has no milestones.</p>;
  return (
    <div className="space-y-4">
      {milestones.map((milestone) => (
        <MilestoneCard key={milestone.key} team={team} milestone={milestone} />
      ))}
    </div>
  );
}
