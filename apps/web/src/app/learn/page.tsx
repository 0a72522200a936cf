import Link from "next/link";

import { ProgressBar } from "~/components/learn/progress-bar";
import { ScoreBadge } from "~/components/learn/score-badge";
import { SearchBox } from "~/components/learn/search-box";
import { getServerCaller, getSessionUser } from "~/trpc/server";

export const metadata = { title: "Learn" };

function minutesToRead(words: number) {
  return Math.max(1, Math.round(words / 200));
}

export default async function LearnPage() {
  const [user, chapters] = await Promise.all([getSessionUser(), (await getServerCaller()).curriculum.list()]);
  const sections = chapters.flatMap((chapter) => chapter.sections);
  const readCount = sections.filter((section) => section.isRead).length;
  const passedCount = sections.filter((section) => section.isQuizPassed).length;
  return (
    <div className="space-y-8">
      <header className="rounded-xl border border-brand-100 bg-gradient-to-br from-brand-50 to-white p-6 sm:p-8">
        <p className="text-sm font-medium text-brand-700">Curriculum</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">Learn FastAPI, one lesson at a time</h1>
        <p className="mt-2 max-w-2xl text-slate-600">
          {chapters.length} chapters and {sections.length} lessons, each with runnable examples and a quiz that explains every answer.
        </p>
        <SearchBox className="mt-5 max-w-xl" />
        {user ? (
          <div className="mt-6 grid max-w-xl gap-3 sm:grid-cols-2" data-testid="learn-progress">
            <div>
              <p className="text-sm text-slate-600">
                <span className="font-semibold text-slate-900">{readCount}</span> of {sections.length} lessons read
              </p>
              <ProgressBar value={readCount} max={sections.length} label="Lessons read" className="mt-1" />
            </div>
            <div>
              <p className="text-sm text-slate-600">
                <span className="font-semibold text-slate-900">{passedCount}</span> of {sections.length} quizzes passed
              </p>
              <ProgressBar value={passedCount} max={sections.length} label="Quizzes passed" className="mt-1" />
            </div>
          </div>
        ) : (
          <p className="mt-5 text-sm text-slate-600">
            <Link href="/sign-in?next=%2Flearn" className="font-medium text-brand-700 hover:underline">
              Sign in
            </Link>{" "}
            to keep track of the lessons you read and your quiz scores.
          </p>
        )}
      </header>

      <ol className="space-y-6">
        {chapters.map((chapter) => {
          const chapterRead = chapter.sections.filter((s) => s.isRead).length;
          return (
            <li key={chapter.number} className="card !p-0" aria-labelledby={`chapter-${chapter.number}`}>
              <div className="flex flex-wrap items-start gap-4 border-b border-slate-100 p-5">
                <span className="flex h-10 w-10 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-lg font-semibold text-white">{chapter.number}</span>
                <div className="min-w-0 flex-1">
                  <h2 id={`chapter-${chapter.number}`} className="text-lg font-semibold">
                    {chapter.title}
                  </h2>
                  <p className="mt-1 text-sm text-slate-600">{chapter.summary}</p>
                </div>
                {user && (
                  <div className="w-40 text-right text-xs text-slate-500">
                    {chapterRead}/{chapter.sections.length} read
                    <ProgressBar value={chapterRead} max={chapter.sections.length} label={`Chapter ${chapter.number} lessons read`} className="mt-1" />
                  </div>
                )}
              </div>
              <ul className="divide-y divide-slate-100">
                {chapter.sections.map((section) => (
                  <li key={section.id} data-testid={`section-${section.id}`}>
                    <Link href={`/learn/${section.id}`} className="group flex items-start gap-3 px-5 py-3 hover:bg-slate-50">
                      <span
                        className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full border text-xs ${
                          section.isRead ? "border-brand-500 bg-brand-500 text-white" : "border-slate-300 text-transparent"
                        }`}
                        aria-label={section.isRead ? "Read" : "Not read yet"}
                        data-testid={section.isRead ? "read-tick" : undefined}
                      >
                        ✓
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="font-medium text-slate-900 group-hover:text-brand-700">
                          <span className="tabular-nums text-slate-500">{section.id}</span> {section.title}
                        </span>
                        <span className="mt-0.5 line-clamp-1 block text-sm text-slate-500">{section.summary}</span>
                      </span>
                      <span className="hidden shrink-0 items-center gap-2 text-xs text-slate-500 sm:flex">
                        {section.bestScore && <ScoreBadge {...section.bestScore} isPassed={section.isQuizPassed} />}
                        <span>{minutesToRead(section.wordCount)} min</span>
                        {section.exerciseCount > 0 && <span>· {section.exerciseCount} exercise{section.exerciseCount > 1 ? "s" : ""}</span>}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
