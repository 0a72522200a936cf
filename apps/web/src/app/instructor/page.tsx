import { AccessDenied, canTeach } from "~/components/instructor/access-denied";
import { CohortList } from "~/components/instructor/cohort-list";
import { requireUser } from "~/lib/require-user";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export const metadata = { title: "Instructor" };

export default async function InstructorPage() {
  const user = await requireUser("/instructor");
  if (!canTeach(user)) return <AccessDenied />;
  await prefetch(trpc.cohort.list.queryOptions());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Your cohorts</h1>
      <HydrateClient>
        <CohortList />
      </HydrateClient>
    </div>
  );
}
