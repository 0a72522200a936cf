import Link from "next/link";

import { JoinCohort } from "~/components/instructor/join-cohort";
import { getSessionUser } from "~/trpc/server";

type Props = { params: Promise<{ code: string }> };

export const metadata = { title: "Join a cohort" };

function readCode(raw: string) {
  try {
    return decodeURIComponent(raw).slice(0, 64);
  } catch {
    return raw.slice(0, 64);
  }
}

export default async function JoinPage({ params }: Props) {
  const code = readCode((await params).code);
  const user = await getSessionUser();
  const back = encodeURIComponent(`/join/${encodeURIComponent(code)}`);
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-semibold">Join a cohort</h1>
      {user ? (
        <JoinCohort code={code} />
      ) : (
        // Either way the form brings the learner back here to join.
        <div className="card space-y-3" data-testid="join-sign-in">
          <p className="text-slate-700">Sign in to join the cohort you were invited to. New here? Create an account first; you will come back to this page.</p>
          <div className="flex flex-wrap gap-2">
            <Link className="btn-primary" href={`/sign-in?next=${back}`}>
              Sign in
            </Link>
            <Link className="btn-secondary" href={`/sign-up?next=${back}`}>
              Create an account
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
