import { diffAttempts } from "./diff-lines";
import type { EditorFile } from "./types";

const STYLE = {
  added: "bg-emerald-50 text-emerald-900",
  removed: "bg-rose-50 text-rose-900",
  same: "text-slate-700",
  skipped: "bg-slate-50 text-slate-500 italic",
} as const;
const SIGN = { added: "+", removed: "-", same: " ", skipped: "⋯" } as const;

export function CodeDiff({ previous, current, order }: { previous: EditorFile[]; current: EditorFile[]; order: string[] }) {
  const files = diffAttempts(previous, current, order);
  if (files.every((file) => file.added === 0 && file.removed === 0)) {
    return <p className="text-sm text-slate-600">The code is the same as in the previous attempt.</p>;
  }
  return (
    <div className="space-y-3" data-testid="code-diff">
      {files.map((file) => (
        <figure key={file.name} className="overflow-hidden rounded-md border border-slate-200">
          <figcaption className="flex gap-3 border-b border-slate-200 bg-slate-50 px-3 py-1.5 font-mono text-xs">
            {file.name}
            <span className="text-emerald-700">+{file.added}</span>
            <span className="text-rose-700">-{file.removed}</span>
          </figcaption>
          <pre className="overflow-x-auto text-xs leading-5" tabIndex={0}>
            {file.lines.map((line, index) => (
              <div key={index} className={`px-3 ${STYLE[line.kind]}`} data-kind={line.kind}>
                <span aria-hidden className="mr-2 select-none">
                  {SIGN[line.kind]}
                </span>
                {line.text}
              </div>
            ))}
          </pre>
        </figure>
      ))}
    </div>
  );
}
