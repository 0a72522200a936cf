/** `lesson`: a lesson's body, anchored headings; `task`: an exercise statement, a quiz prompt or
 * explanation; `inline`: one line, no paragraph (a quiz choice beside its radio button). */
export type MarkdownVariant = "lesson" | "task" | "inline";

/** Typography for Markdown: @tailwindcss/typography tuned to the brand and to inline code; long
 * words and inline code wrap rather than widen the page. */
const prose = [
  "prose prose-slate max-w-none wrap-break-word",
  "prose-headings:scroll-mt-24 prose-headings:font-semibold prose-a:text-brand-700 prose-strong:text-slate-900 prose-li:my-1",
  "prose-code:rounded prose-code:bg-slate-100 prose-code:px-1 prose-code:py-0.5 prose-code:text-[0.875em] prose-code:font-normal prose-code:text-slate-800",
  "prose-code:before:content-none prose-code:after:content-none",
].join(" ");

export const variantClasses: Record<MarkdownVariant, string> = {
  lesson: `${prose} prose-h2:mt-12 prose-h2:border-b prose-h2:border-slate-200 prose-h2:pb-2 prose-h3:mt-8`,
  task: `${prose} prose-h2:mt-8 prose-h2:text-xl prose-h3:text-lg`,
  // A line of text (a quiz choice): no paragraph, the inline code looks as it does in prose.
  inline: "wrap-break-word [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:text-[0.875em] [&_code]:text-slate-800",
};
