import Link from "next/link";

import { SearchBox } from "~/components/learn/search-box";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Search lessons" };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The snippet with the query's words in bold. */
function Highlighted({ text, query }: { text: string; query: string }) {
  const words = query.split(/\s+/).filter((word) => word.length > 1).map(escapeRegExp);
  if (words.length === 0) return <>{text}</>;
  const parts = text.split(new RegExp(`(${words.join("|")})`, "gi"));
  return <>{parts.map((part, index) => (index % 2 === 1 ? <mark key={index} className="rounded bg-amber-100 px-0.5 text-inherit">{part}</mark> : part))}</>;
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? "";
  const results = query ? await (await getServerCaller()).curriculum.search({ query }) : [];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/learn" className="hover:underline">
          Learn
        </Link>{" "}
        / Search
      </nav>
      <h1 className="text-2xl font-semibold">Search lessons</h1>
      <SearchBox defaultValue={query} />
      {query && (
        <p className="text-sm text-slate-600" data-testid="search-summary">
          {results.length === 0 ? `No lesson mentions “${query}”. Try another word, or browse the curriculum.` : `${results.length} lesson${results.length === 1 ? "" : "s"} for “${query}”`}
        </p>
      )}
      <ol className="space-y-3" aria-label="Search results">
        {results.map((result) => (
          <li key={result.sectionId} data-testid="search-result">
            <Link href={`/learn/${result.sectionId}`} className="card block transition hover:border-brand-500 hover:shadow">
              <span className="text-xs font-medium uppercase tracking-wide text-slate-500">Chapter {result.chapter}</span>
              <span className="mt-0.5 block font-semibold text-brand-700">
                {result.sectionId} {result.title}
              </span>
              <span className="mt-1 block text-sm text-slate-600">
                <Highlighted text={result.snippet} query={query} />
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
