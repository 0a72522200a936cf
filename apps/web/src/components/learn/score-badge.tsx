/** A best quiz score, green once it passes. */
export function ScoreBadge({ score, maxScore, isPassed, label = "Best quiz score" }: { score: number; maxScore: number; isPassed: boolean; label?: string }) {
  const tone = isPassed ? "bg-brand-50 text-brand-700 ring-brand-100" : "bg-amber-50 text-amber-800 ring-amber-200";
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium tabular-nums ring-1 ${tone}`} title={label} aria-label={`${label}: ${score} of ${maxScore}`}>
      Quiz {score}/{maxScore}
    </span>
  );
}
