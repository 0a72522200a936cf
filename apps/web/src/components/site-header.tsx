import Link from "next/link";

import { getSessionUser } from "~/trpc/server";

import { SignOutButton } from "./sign-out-button";
import { SiteMenu } from "./site-menu";

export async function SiteHeader() {
  const user = await getSessionUser();
  const canTeach = user?.role === "instructor" || user?.role === "admin";
  return (
    <header className="border-b border-slate-200 bg-white">
      <SiteMenu
        brand={
          <Link href="/" className="text-lg font-semibold text-brand-700">
            FastAPI Academy
          </Link>
        }
      >
        <nav aria-label="Main" className="flex flex-col gap-3 text-sm text-slate-700 sm:flex-1 sm:flex-row sm:items-center sm:gap-4">
          {user && <Link href="/dashboard">Dashboard</Link>}
          <Link href="/learn">Learn</Link>
          {user && <Link href="/exercises">Exercises</Link>}
          {user && <Link href="/exam">Exams</Link>}
          {user && <Link href="/teams">Teams</Link>}
          {canTeach && <Link href="/instructor">Instructor</Link>}
        </nav>
        {user ? (
          <div className="flex min-w-0 items-center gap-3 text-sm">
            <span data-testid="signed-in-as" className="min-w-0 truncate text-slate-600">
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
      </SiteMenu>
    </header>
  );
}
