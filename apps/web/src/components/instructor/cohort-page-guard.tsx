import "server-only";

import Link from "next/link";
import { notFound } from "next/navigation";

import { requireUser } from "~/lib/require-user";
import { readForClient, trpc } from "~/trpc/server";

import { AccessDenied, canTeach } from "./access-denied";
import type { CohortDetail } from "./types";

function errorCode(error: unknown) {
  return (error as { code?: string }).code;
}

/**
 * Every cohort page starts here: signed in, an instructor, and one of this cohort's instructors
 * (or an admin). The cohort is read into the browser's cache too, for the client components.
 */
export async function guardCohortPage(cohortId: string, returnTo: string): Promise<{ cohort: CohortDetail } | { denied: React.ReactNode }> {
  const user = await requireUser(returnTo);
  if (!canTeach(user)) return { denied: <AccessDenied /> };
  try {
    return { cohort: await readForClient(trpc.cohort.get.queryOptions({ cohortId })) };
  } catch (error) {
    const code = errorCode(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    if (code !== "FORBIDDEN") throw error;
    return {
      denied: (
        <div role="alert" data-testid="access-denied" className="card mx-auto max-w-lg text-center">
          <h1 className="text-xl font-semibold">403 · Not your cohort</h1>
          <p className="mt-2 text-slate-600">Only this cohort&apos;s instructors can see it.</p>
          <Link href="/instructor" className="mt-3 inline-block text-brand-700 underline">
            Your cohorts
          </Link>
        </div>
      ),
    };
  }
}

/** Reads a drill-down's own record; a missing one (or a malformed id) is the page's 404. */
export async function readOrNotFound<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const code = errorCode(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
}

export function CohortBreadcrumb({ cohort, trail = [] }: { cohort: { id: string; name: string }; trail?: string[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm break-words text-slate-500">
      <Link href="/instructor" className="hover:underline">
        Cohorts
      </Link>
      {" / "}
      <Link href={`/instructor/cohorts/${cohort.id}`} className="hover:underline">
        {cohort.name}
      </Link>
      {trail.map((step) => ` / ${step}`)}
    </nav>
  );
}
