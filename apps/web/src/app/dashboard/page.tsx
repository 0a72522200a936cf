import { CurriculumProgress } from "~/components/dashboard/curriculum-progress";
import { PracticeProgress } from "~/components/dashboard/practice-progress";
import { requireUser } from "~/lib/require-user";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const caller = await getServerCaller();
  const [summary, practice] = await Promise.all([caller.dashboard.summary(), caller.exercise.progress()]);
  // Nothing read, answered or run yet: a first visit, whenever the account was made.
  const isNewcomer = summary.lessonsRead === 0 && summary.quizzesTaken === 0 && practice.recent.length === 0;
  const figures = [
    { label: "Lessons read", value: summary.lessonsRead },
    { label: "Quizzes taken", value: summary.quizzesTaken },
    { label: "Exercises passed", value: summary.exercisesPassed },
  ];
  return (
    <div className="space-y-6">
      {isNewcomer ? (
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Welcome to FastAPI Academy, {user.name}</h1>
          <p className="text-slate-600" data-testid="newcomer-intro">
            Your progress will show here. Start with the first lesson below, or jump into an exercise: your code is graded against hidden tests and every failing test is explained.
          </p>
        </div>
      ) : (
        <h1 className="text-2xl font-semibold">Welcome back, {user.name}</h1>
      )}
      <section aria-label="Progress" className="grid gap-4 sm:grid-cols-3">
        {figures.map((figure) => (
          <div key={figure.label} className="card">
            <p className="text-sm text-slate-500">{figure.label}</p>
            <p className="mt-1 text-3xl font-semibold" data-testid={`figure-${figure.label.toLowerCase().replaceAll(" ", "-")}`}>
              {figure.value}
            </p>
          </div>
        ))}
      </section>
      <CurriculumProgress />
      <PracticeProgress progress={practice} />
      <section className="card">
        <h2 className="font-semibold">Your cohorts</h2>
        {summary.cohorts.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">You are not in a cohort yet.</p>
        ) : (
          <ul className="mt-2 list-inside list-disc text-sm">
            {summary.cohorts.map((cohort) => (
              <li key={cohort.id}>{cohort.name}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
