"use client";

import { formatCountdown } from "~/components/exam/format";

import type { CohortExamRoster, RosterLearner } from "./types";

const STATE_LABEL: Record<RosterLearner["state"], string> = { "not-started": "Not started", "in-progress": "In progress", submitted: "Submitted" };
const STATE_TONE: Record<RosterLearner["state"], string> = {
  "not-started": "bg-slate-100 text-slate-700",
  "in-progress": "bg-amber-50 text-amber-900",
  submitted: "bg-emerald-50 text-emerald-900",
};

function stateDetail(learner: RosterLearner, serverNow: number): string {
  if (learner.state === "in-progress" && learner.deadlineAt) return `${formatCountdown(learner.deadlineAt.getTime() - serverNow)} left`;
  if (learner.state === "submitted") return learner.isExpired ? "at the deadline" : "";
  return learner.extraMinutes > 0 ? `+${learner.extraMinutes} min extra` : "";
}

/** Who has not started, who is writing (and for how long still) and who has submitted, as it happens. */
export function ExamRoster({ roster, serverNow, isLive }: { roster: CohortExamRoster; serverNow: number; isLive: boolean }) {
  const { counts } = roster;
  return (
    <section aria-labelledby="roster-heading" className="card space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="roster-heading" className="font-semibold">
          Live roster
        </h2>
        <span className="inline-flex items-center gap-1.5 text-xs text-slate-600" data-testid="roster-live" data-state={isLive ? "live" : "connecting"}>
          <span aria-hidden className={`size-2 rounded-full ${isLive ? "bg-emerald-500" : "bg-amber-400"}`} />
          {isLive ? "Live" : "Connecting…"}
        </span>
      </div>
      <dl className="grid grid-cols-3 gap-2 text-center">
        {(
          [
            ["Not started", counts.notStarted, "not-started"],
            ["In progress", counts.inProgress, "in-progress"],
            ["Submitted", counts.submitted, "submitted"],
          ] as const
        ).map(([label, value, key]) => (
          <div key={key} className="rounded-md bg-slate-50 p-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`roster-count-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {roster.learners.length === 0 ? (
        <p className="text-sm text-slate-600">This cohort has no learners yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-live="polite">
          {roster.learners.map((learner) => (
            <li key={learner.userId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="roster-row" data-email={learner.email} data-state={learner.state}>
              <span className="min-w-0 break-words">
                <span className="font-medium">{learner.name}</span> <span className="text-sm text-slate-500">{learner.email}</span>
              </span>
              <span className="flex items-center gap-2 text-sm">
                <span className="text-slate-600 tabular-nums">{stateDetail(learner, serverNow)}</span>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_TONE[learner.state]}`}>{STATE_LABEL[learner.state]}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
