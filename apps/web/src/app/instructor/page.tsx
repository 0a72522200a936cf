import { requireUser } from "~/lib/require-user";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Instructor" };

export default async function InstructorPage() {
  const user = await requireUser("/instructor");
  if (user.role === "learner") {
    return (
      <div role="alert" data-testid="access-denied" className="card mx-auto max-w-lg text-center">
        <h1 className="text-xl font-semibold">403 · Instructors only</h1>
        <p className="mt-2 text-slate-600">Only instructors can open this page.</p>
      </div>
    );
  }
  const cohorts = await (await getServerCaller()).cohort.list();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Your cohorts</h1>
      <table className="card w-full text-left text-sm">
        <thead>
          <tr className="text-slate-500">
            <th className="py-2">Cohort</th>
            <th className="py-2">Learners</th>
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort.id} className="border-t border-slate-100">
              <td className="py-2 font-medium">{cohort.name}</td>
              <td className="py-2">{cohort.memberCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
