"use client";

import Link from "next/link";

import { formatTime } from "~/components/practice/format";

import { cohortLinks } from "./cohort-links";
import type { LearnersAtRisk } from "./types";

export const INACTIVE_DAY_CHOICES = [3, 7, 14, 30] as const;

type LearnersAtRiskProps = { cohortId: string; atRisk: LearnersAtRisk; inactiveDays: number; onInactiveDaysChange: (days: number) => void };

/** Who may need a nudge, with the reason in words: idle for N days, or far behind the cohort's median. */
export function LearnersAtRiskView({ cohortId, atRisk, inactiveDays, onInactiveDaysChange }: LearnersAtRiskProps) {
  return (
    <section className="card min-w-0 space-y-3" aria-labelledby="at-risk-heading" data-testid="learners-at-risk">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="at-risk-heading" className="font-semibold">
          Learners at risk
        </h2>
        <label className="ml-auto flex items-center gap-2 text-sm text-slate-700">
          Inactive for
          <select className="field !w-auto !py-1" value={inactiveDays} onChange={(event) => onInactiveDaysChange(Number(event.target.value))}>
            {INACTIVE_DAY_CHOICES.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="text-xs text-slate-500">
        Far behind: progress under {atRisk.farBehindBelowPercent === null ? "half the median" : `${atRisk.farBehindBelowPercent}%`} (half the cohort&apos;s median of{" "}
        {atRisk.medianProgressPercent ?? "—"}%).
      </p>
      {atRisk.learners.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody: every learner was active in the last {inactiveDays} days and keeps up with the cohort.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {atRisk.learners.map((learner) => (
            <li key={learner.id} className="space-y-0.5 py-2" data-testid="at-risk-learner">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <Link href={cohortLinks.learner(cohortId, learner.id)} className="font-medium break-words text-brand-700 hover:underline">
                  {learner.name}
                </Link>
                <span className="text-xs text-slate-500">
                  progress {learner.progressPercent}% · last active {learner.lastActivityAt ? formatTime(learner.lastActivityAt) : "never"}
                </span>
              </div>
              <ul className="text-sm text-slate-700">
                {learner.reasons.map((reason) => (
                  <li key={reason.kind}>
                    <span className={`mr-1.5 rounded px-1.5 text-xs ${reason.kind === "inactive" ? "bg-amber-100 text-amber-900" : "bg-rose-100 text-rose-800"}`}>
                      {reason.kind === "inactive" ? "inactive" : "far behind"}
                    </span>
                    {reason.text}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
