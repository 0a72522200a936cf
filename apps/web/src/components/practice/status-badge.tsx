import type { CatalogueEntry, SubmissionStatus } from "./types";

type Badge = { label: string; tone: string; title?: string };

const SUBMISSION: Record<SubmissionStatus | "grader-fault", Badge> = {
  queued: { label: "Queued", tone: "bg-slate-100 text-slate-700" },
  running: { label: "Running", tone: "bg-sky-100 text-sky-800" },
  passed: { label: "Passed", tone: "bg-emerald-100 text-emerald-800" },
  failed: { label: "Failed", tone: "bg-amber-100 text-amber-900" },
  error: { label: "Code error", tone: "bg-rose-100 text-rose-800", title: "Your code could not be run: a syntax or import error, or an app that did not start." },
  timeout: { label: "Timed out", tone: "bg-rose-100 text-rose-800" },
  "grader-fault": {
    label: "Not graded",
    tone: "border border-dashed border-slate-400 bg-white text-slate-700",
    title: "The grader failed, not your code: submit again.",
  },
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

/** A submission's status; an error the grader caused (`isGraderFault`) reads differently from an error in the code. */
export function SubmissionStatusBadge({ status, isGraderFault = false }: { status: SubmissionStatus; isGraderFault?: boolean }) {
  const { label, tone, title } = SUBMISSION[isGraderFault ? "grader-fault" : status];
  return (
    <span className={`${pill} ${tone}`} title={title} data-testid="submission-status-badge" data-kind={isGraderFault ? "grader-fault" : status}>
      {label}
    </span>
  );
}

export function PracticeStatusBadge({ status }: { status: CatalogueEntry["status"] }) {
  const { label, tone } = PRACTICE[status];
  return <span className={`${pill} ${tone}`}>{label}</span>;
}

export function DifficultyBadge({ difficulty }: { difficulty: CatalogueEntry["difficulty"] }) {
  return <span className={`${pill} ring-1 ${DIFFICULTY[difficulty]} capitalize`}>{difficulty}</span>;
}
