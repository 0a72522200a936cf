const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });

export function formatTime(date: Date) {
  return timeFormat.format(date);
}

export function formatDuration(ms: number) {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatScore(score: number | null, maxScore: number | null) {
  if (score === null || maxScore === null) return "—";
  return `${score} / ${maxScore}`;
}
