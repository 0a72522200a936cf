import { Catalogue } from "~/components/practice/catalogue";
import { requireUser } from "~/lib/require-user";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Exercises" };

export default async function ExercisesPage() {
  await requireUser("/exercises");
  const entries = await (await getServerCaller()).exercise.list();
  const passed = entries.filter((entry) => entry.status === "passed").length;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Exercises</h1>
        <p className="mt-1 text-slate-600">
          Write FastAPI code in the browser; hidden tests grade it in a sandbox. You have passed {passed} of {entries.length}.
        </p>
      </div>
      <Catalogue entries={entries} />
    </div>
  );
}
