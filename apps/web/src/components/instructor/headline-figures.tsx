import type { CohortHeadlines } from "./types";

/** The cohort at a glance: who is active, how much was submitted, how far the middle learner is. */
export function HeadlineFigures({ headlines }: { headlines: CohortHeadlines }) {
  const figures = [
    { id: "active-learners", label: "Active learners this week", value: `${headlines.activeLearnersThisWeek} / ${headlines.learnerCount}` },
    { id: "submissions", label: "Submissions", value: String(headlines.submissions), note: `${headlines.submissionsThisWeek} this week` },
    { id: "median-progress", label: "Median progress", value: headlines.medianProgressPercent === null ? "—" : `${headlines.medianProgressPercent}%` },
  ];
  return (
    <section aria-label="Headline figures" className="grid gap-4 sm:grid-cols-3">
      {figures.map((figure) => (
        <div key={figure.id} className="card">
          <p className="text-sm text-slate-500">{figure.label}</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid={`headline-${figure.id}`}>
            {figure.value}
          </p>
          {figure.note && <p className="text-xs text-slate-500">{figure.note}</p>}
        </div>
      ))}
    </section>
  );
}
