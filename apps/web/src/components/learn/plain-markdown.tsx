import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

import { proseClasses } from "./prose-classes";

/** Short Markdown (quiz prompts' words, choices, explanations) on the server or in the browser;
 * `inline` drops the paragraph so a choice sits beside its radio button. */
export function PlainMarkdown({ source, inline = false, className = "" }: { source: string; inline?: boolean; className?: string }) {
  if (inline) {
    return (
      <span className={`[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:text-[0.9em] ${className}`}>
        <ReactMarkdown remarkPlugins={[remarkGfm]} components={{ p: ({ children }) => <>{children}</> }}>
          {source}
        </ReactMarkdown>
      </span>
    );
  }
  return (
    <div className={`${proseClasses} prose-sm prose-p:my-2 ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]}>{source}</ReactMarkdown>
    </div>
  );
}
