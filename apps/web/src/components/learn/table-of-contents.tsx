import type { Heading } from "~/components/markdown/heading-anchors";

export function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">On this page</p>
      <ol className="space-y-1 border-l border-slate-200">
        {headings.map((heading) => (
          <li key={heading.id}>
            <a
              href={`#${heading.id}`}
              className={`-ml-px block border-l border-transparent py-0.5 text-slate-600 hover:border-brand-500 hover:text-brand-700 ${heading.depth === 3 ? "pl-6 text-[13px]" : "pl-3 font-medium"}`}
            >
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
