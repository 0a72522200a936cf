import { highlightCode } from "./highlight";

/** A fenced code block, highlighted on the server: no highlighter is shipped to the browser. */
export async function CodeBlock({ code, language }: { code: string; language?: string }) {
  const html = await highlightCode(code, language);
  return (
    <div
      className="code-block my-4 overflow-x-auto rounded-md border border-slate-200 text-[13px] leading-relaxed [&_pre]:p-3"
      data-language={language ?? "text"}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
