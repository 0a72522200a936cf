import type { ComponentProps } from "react";

import { CopyButton } from "./copy-button";

const LANGUAGE_NAMES: Record<string, string> = { python: "Python", bash: "Shell", text: "Output", dockerfile: "Dockerfile", yaml: "YAML", json: "JSON", ini: "INI", toml: "TOML" };

type PreProps = ComponentProps<"pre"> & { "data-language"?: string; "data-runnable"?: string };

/** Every fenced code block: its language, a runnable badge, a copy button, and code that scrolls
 * sideways inside the card rather than widening the page. */
export function CodeBlock({ "data-language": language = "text", "data-runnable": runnable, className = "", ...pre }: PreProps) {
  return (
    <figure className="not-prose my-5 min-w-0 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="code-block">
      <figcaption className="flex items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600">
        <span className="font-medium">{LANGUAGE_NAMES[language] ?? language}</span>
        {runnable !== undefined && (
          <span className="rounded-full bg-brand-100 px-2 py-0.5 font-medium text-brand-700" title="This example runs as is and its checks pass: the curriculum's tests run it.">
            runnable
          </span>
        )}
        <span className="ml-auto">
          <CopyButton />
        </span>
      </figcaption>
      {/* Focusable so a keyboard can scroll a long line into view. */}
      <pre
        tabIndex={0}
        data-language={language}
        {...pre}
        className={`${className} overflow-x-auto bg-white p-4 text-[13px] leading-relaxed text-slate-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500`}
      />
    </figure>
  );
}
