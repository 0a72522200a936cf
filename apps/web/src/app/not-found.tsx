import type { Metadata } from "next";
import Link from "next/link";

import { getSessionUser } from "~/trpc/server";

export const metadata: Metadata = { title: "Page not found" };

/** Any address with no page (and any lesson or exercise that does not exist), inside the site's header. */
export default async function NotFound() {
  const user = await getSessionUser();
  const places = [
    user ? { href: "/dashboard", title: "Your dashboard", body: "Your progress and what to do next." } : { href: "/", title: "Home", body: "What FastAPI Academy offers." },
    { href: "/learn", title: "The curriculum", body: "Ten chapters, 48 lessons, a quiz each." },
    user ? { href: "/exercises", title: "Exercises", body: "FastAPI code graded against hidden tests." } : { href: "/sign-in", title: "Sign in", body: "To practise and keep your progress." },
  ];
  return (
    <div className="mx-auto max-w-2xl space-y-6 py-8" data-testid="not-found">
      <div>
        <p className="text-sm font-medium text-brand-700">404</p>
        <h1 className="mt-1 text-2xl font-semibold">This page does not exist</h1>
        <p className="mt-2 text-slate-600">The address may be mistyped, or the page may have moved. Search the lessons, or go on from one of these places.</p>
      </div>
      <form action="/learn/search" method="get" role="search" className="flex gap-2">
        <label htmlFor="not-found-search" className="sr-only">
          Search lessons
        </label>
        <input id="not-found-search" name="q" type="search" required maxLength={200} placeholder="Search lessons, e.g. dependency injection" className="field" />
        <button type="submit" className="btn-primary">
          Search
        </button>
      </form>
      <ul className="grid gap-3 sm:grid-cols-3">
        {places.map((place) => (
          <li key={place.href}>
            <Link href={place.href} className="card block h-full transition hover:border-brand-500 hover:shadow">
              <span className="font-semibold text-brand-700">{place.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{place.body}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
