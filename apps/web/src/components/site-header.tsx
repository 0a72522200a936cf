import Link from "next/link";

import { getSessionUser } from "~/trpc/server";

import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getSessionUser();
  const canTeach = user?.role === "instructor" || user?.role === "admin";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-brand-700">
          FastAPI Academy
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-4 text-sm text-slate-700">
          {user && <Link href="/dashboard">Dashboard</Link>}
          <Link href="/learn">Learn</Link>
          {user && <Link href="/exercises">Exercises</Link>}
          {canTeach && <Link href="/instructor">Instructor</Link>}
        </nav>
        {user ? (
          <div className="flex items-center gap-3 text-sm">
            <span data-testid="signed-in-as" className="text-slate-600">
              {user.name}
            </span>
            <SignOutButton />
          </div>
        ) : (
          <div className="flex items-center gap-2">
            <Link className="btn-secondary" href="/sign-in">
              Sign in
            </Link>
            <Link className="btn-primary" href="/sign-up">
              Sign up
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}
