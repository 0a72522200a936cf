/** Typography for lesson text: @tailwindcss/typography, tuned to the brand and to inline code. */
export const proseClasses = [
  "prose prose-slate max-w-none",
  "prose-headings:scroll-mt-24 prose-headings:font-semibold prose-h2:mt-12 prose-h2:border-b prose-h2:border-slate-200 prose-h2:pb-2 prose-h3:mt-8",
  "prose-a:text-brand-700 prose-strong:text-slate-900 prose-li:my-1",
  "prose-code:rounded prose-code:bg-slate-100 prose-code:px-1 prose-code:py-0.5 prose-code:text-[0.875em] prose-code:font-normal prose-code:text-slate-800",
  "prose-code:before:content-none prose-code:after:content-none",
].join(" ");
