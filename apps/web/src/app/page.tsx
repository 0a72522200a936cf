import Link from "next/link";

import { getSessionUser } from "~/trpc/server";

const pillars = [
  { title: "Practise with an autograder", body: "Write FastAPI code in the browser. Hidden pytest suites grade it in an isolated container and explain every failing test." },
  { title: "Study the whole curriculum", body: "Ten chapters and 48 lessons, each with runnable examples and a quiz that teaches through its explanations." },
  { title: "Sit timed mock exams", body: "Questions and coding tasks under exam conditions, with a per-chapter breakdown of what to revise." },
  { title: "Teach and build together", body: "Instructors follow their cohort's results; teams plan a collaborative FastAPI project with milestones and tasks." },
];

export default async function HomePage() {
  const user = await getSessionUser();
  return (
    <div className="space-y-10">
      <section className="py-8 text-center">
        <h1 className="text-4xl font-bold tracking-tight">Learn FastAPI. Prove it.</h1>
        <p className="mx-auto mt-4 max-w-2xl text-lg text-slate-600">
          FastAPI Academy is a study, practice and exam platform for FastAPI: lessons, autograded exercises and timed mock exams in one place.
        </p>
        <div className="mt-6 flex justify-center gap-3">
          {user ? (
            <Link className="btn-primary" href="/dashboard">Go to your dashboard</Link>
          ) : (
            <>
              <Link className="btn-primary" href="/sign-up">Start learning</Link>
              <Link className="btn-secondary" href="/sign-in">Sign in</Link>
            </>
          )}
        </div>
      </section>
      <section className="grid gap-4 sm:grid-cols-2">
        {pillars.map((pillar) => (
          <div key={pillar.title} className="card">
            <h2 className="font-semibold">{pillar.title}</h2>
            <p className="mt-2 text-sm text-slate-600">{pillar.body}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
