"use client";

type FileTabsProps = { names: string[]; active: string; onSelect: (name: string) => void; label: string };

/** One tab per file, in the order the exercise lists them. */
export function FileTabs({ names, active, onSelect, label }: FileTabsProps) {
  return (
    <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-200">
      {names.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          onClick={() => onSelect(name)}
          className={`-mb-px rounded-t-md border px-3 py-1.5 font-mono text-xs ${
            name === active ? "border-slate-200 border-b-white bg-white text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"
          }`}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
