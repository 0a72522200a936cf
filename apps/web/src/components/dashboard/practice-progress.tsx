import Link from "next/link";

import { formatScore, formatTime } from "~/components/practice/format";
import { SubmissionStatusBadge } from "~/components/practice/status-badge";
import { isGraderFault } from "~/components/practice/types";
import type { PracticeProgressData } from "~/components/practice/types";

function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max === 0 ? 0 : Math.round((value / max) * 100);
  return (
    <div className="h-2 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
      <div className="h-full rounded-full bg-brand-500" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** The learner's practice at a glance: per chapter, the latest attempts, and what to do next. */
export function PracticeProgress({ progress }: { progress: PracticeProgressData }) {
  const { totals, next } = progress;
  return (
    <section aria-labelledby="practice-heading" className="card space-y-5" data-testid="practice-progress">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="practice-heading" className="font-semibold">
          Practice
        </h2>
        <p className="text-sm text-slate-600">
          {totals.passed} of {totals.total} exercises passed · {totals.pointsEarned} of {totals.points} points
        </p>
        <Link href="/exercises" className="ml-auto text-sm text-brand-700 hover:underline">
          All exercises →
        </Link>
      </div>
      {next && (
        <div className="flex flex-wrap items-center gap-3 rounded-md bg-brand-50 px-4 py-3" data-testid="practice-next">
          <p className="text-sm">
            {next.reason === "continue" ? "Pick up where you left off: " : "Next up: "}
            <span className="font-medium">{next.title}</span> <span className="text-slate-500">({next.section})</span>
          </p>
          <Link href={`/exercises/${next.id}`} className="btn-primary ml-auto !py-1.5">
            {next.reason === "continue" ? "Continue" : "Start"}
          </Link>
        </div>
      )}
      <div className="grid gap-x-8 gap-y-3 sm:grid-cols-2">
        {progress.chapters.map((chapter) => (
          <div key={chapter.chapter} className="space-y-1">
            <div className="flex justify-between gap-2 text-sm">
              <span className="truncate">
                {chapter.chapter}. {chapter.chapterTitle}
              </span>
              <span className="text-slate-500 tabular-nums">
                {chapter.passed}/{chapter.total} · {chapter.pointsEarned}/{chapter.points} pts
              </span>
            </div>
            <Bar value={chapter.passed} max={chapter.total} label={`Chapter ${chapter.chapter} exercises passed`} />
          </div>
        ))}
      </div>
      <div>
        <h3 className="text-sm font-medium text-slate-500">Recent attempts</h3>
        {progress.recent.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No attempts yet.</p>
        ) : (
          <ul className="mt-1 divide-y divide-slate-100 text-sm">
            {progress.recent.map((attempt) => (
              <li key={attempt.id} className="flex flex-wrap items-center gap-3 py-1.5">
                <Link href={`/exercises/${attempt.exerciseId}`} className="hover:underline">
                  {attempt.title}
                </Link>
                <span className="text-xs text-slate-500">{attempt.mode === "submit" ? "submitted" : "visible tests"}</span>
                <span className="ml-auto text-xs text-slate-500">{formatTime(attempt.createdAt)}</span>
                <SubmissionStatusBadge status={attempt.status} isGraderFault={isGraderFault(attempt)} />
                <span className="w-14 text-right tabular-nums">{attempt.mode === "submit" ? formatScore(attempt.score, attempt.maxScore) : ""}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
