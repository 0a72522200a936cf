import { formatDuration } from "./format";
import type { GradingReport } from "./types";

const MARK = { passed: "✓", failed: "✗", error: "!", skipped: "–" } as const;
const TONE = { passed: "text-emerald-700", failed: "text-amber-800", error: "text-rose-700", skipped: "text-slate-500" } as const;

/** Every test with its result; a hidden test shows its name and one-line summary, never its code. */
export function TestResults({ tests }: { tests: GradingReport["tests"] }) {
  if (tests.length === 0) return null;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Test results">
      {tests.map((test) => (
        <li key={`${test.visibility}:${test.name}`} data-testid="test-result" data-status={test.status} data-visibility={test.visibility} className="px-3 py-2 text-sm">
          <div className="flex items-center gap-2">
            <span aria-hidden className={`w-4 font-bold ${TONE[test.status]}`}>
              {MARK[test.status]}
            </span>
            <span className="font-mono text-[13px]">{test.name}</span>
            {test.visibility === "hidden" && <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">hidden</span>}
            <span className={`ml-auto text-xs font-medium ${TONE[test.status]}`}>{test.status}</span>
            <span className="w-16 text-right text-xs text-slate-500">{formatDuration(test.durationMs)}</span>
          </div>
          {test.message && test.status !== "passed" && (
            <pre className="mt-1 ml-6 max-h-60 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap text-slate-700" data-testid="test-message">
              {test.visibility === "hidden" ? `Summary: ${test.message}` : test.message}
            </pre>
          )}
        </li>
      ))}
    </ul>
  );
}
