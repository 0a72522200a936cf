import type { CatalogueEntry, SubmissionStatus } from "./types";

const SUBMISSION: Record<SubmissionStatus, { label: string; tone: string }> = {
  queued: { label: "Queued", tone: "bg-slate-100 text-slate-700" },
  running: { label: "Running", tone: "bg-sky-100 text-sky-800" },
  passed: { label: "Passed", tone: "bg-emerald-100 text-emerald-800" },
  failed: { label: "Failed", tone: "bg-amber-100 text-amber-900" },
  error: { label: "Error", tone: "bg-rose-100 text-rose-800" },
  timeout: { label: "Timed out", tone: "bg-rose-100 text-rose-800" },
};

const PRACTICE: Record<CatalogueEntry["status"], { label: string; tone: string }> = {
  "not-started": { label: "Not started", tone: "bg-slate-100 text-slate-600" },
  attempted: { label: "Attempted", tone: "bg-amber-100 text-amber-900" },
  passed: { label: "Passed", tone: "bg-emerald-100 text-emerald-800" },
};

const DIFFICULTY: Record<CatalogueEntry["difficulty"], string> = {
  intro: "bg-sky-50 text-sky-800 ring-sky-200",
  core: "bg-violet-50 text-violet-800 ring-violet-200",
  advanced: "bg-rose-50 text-rose-800 ring-rose-200",
};

const pill = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap";

export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  const { label, tone } = SUBMISSION[status];
  return <span className={`${pill} ${tone}`}>{label}</span>;
}

export function PracticeStatusBadge({ status }: { status: CatalogueEntry["status"] }) {
  const { label, tone } = PRACTICE[status];
  return <span className={`${pill} ${tone}`}>{label}</span>;
}

export function DifficultyBadge({ difficulty }: { difficulty: CatalogueEntry["difficulty"] }) {
  return <span className={`${pill} ring-1 ${DIFFICULTY[difficulty]} capitalize`}>{difficulty}</span>;
}
