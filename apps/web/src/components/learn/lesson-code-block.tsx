import { highlightCode } from "~/components/markdown/highlight";

import { CopyButton } from "./copy-button";

const LANGUAGE_NAMES: Record<string, string> = { python: "Python", bash: "Shell", text: "Output", dockerfile: "Dockerfile", yaml: "YAML", json: "JSON", ini: "INI", toml: "TOML" };

/** A lesson code block: highlighted on the server, with its language, a runnable badge and a copy button. */
export async function LessonCodeBlock({ code, language, isRunnable = false }: { code: string; language?: string; isRunnable?: boolean }) {
  const html = await highlightCode(code, language);
  return (
    <figure className="not-prose my-5 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="code-block">
      <figcaption className="flex items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-500">
        <span className="font-medium">{LANGUAGE_NAMES[language ?? "text"] ?? language ?? "Code"}</span>
        {isRunnable && (
          <span className="rounded-full bg-brand-100 px-2 py-0.5 font-medium text-brand-700" title="This example runs as is and its checks pass: the curriculum's tests run it.">
            runnable
          </span>
        )}
        <span className="ml-auto">
          <CopyButton code={code.replace(/\n$/, "")} />
        </span>
      </figcaption>
      <div className="overflow-x-auto text-[13px] leading-relaxed [&_pre]:!bg-white [&_pre]:p-4" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
