import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { LessonReadBadge } from "~/components/learn/lesson-read-badge";
import { MarkReadButton } from "~/components/learn/mark-read-button";
import { ScoreBadge } from "~/components/learn/score-badge";
import { TableOfContents } from "~/components/learn/table-of-contents";
import { renderMarkdown } from "~/components/markdown/markdown";
import { DifficultyBadge } from "~/components/practice/status-badge";
import { getSessionUser, HydrateClient, readForClient, trpc } from "~/trpc/server";

import { loadLesson } from "./load-lesson";

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await loadLesson((await params).section);
  return { title: lesson ? `${lesson.id} ${lesson.title}` : "Lesson", description: lesson?.summary };
}

export default async function LessonPage({ params }: Props) {
  const { section } = await params;
  const [lesson, user] = await Promise.all([loadLesson(section), getSessionUser()]);
  if (!lesson) notFound();
  const minutes = Math.max(1, Math.round(lesson.wordCount / 200));
  // The content is the same for everyone; the learner's marks come apart, and reach the browser's cache.
  const [{ content, headings }, progress] = await Promise.all([
    renderMarkdown(lesson.body, "lesson", "mt-2"),
    user ? readForClient(trpc.lesson.progress.queryOptions({ sectionId: lesson.id })) : null,
  ]);
  const bestScore = progress?.bestScore ?? null;
  return (
    <HydrateClient>
      <div className="lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-10">
        <aside className="hidden lg:block">
          <div className="sticky top-6 max-h-[calc(100vh-3rem)] overflow-y-auto pb-6">
            <TableOfContents headings={headings} />
          </div>
        </aside>

        <article className="min-w-0 max-w-3xl">
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
            <Link href="/learn" className="hover:underline">
              Learn
            </Link>{" "}
            / Chapter {lesson.chapter.number} · {lesson.chapter.title}
          </nav>
          <header className="mt-2 border-b border-slate-200 pb-6">
            <h1 className="text-3xl font-bold tracking-tight">
              <span className="text-slate-500">{lesson.id}</span> {lesson.title}
            </h1>
            <p className="mt-3 text-lg text-slate-600">{lesson.summary}</p>
            <div className="mt-4 flex flex-wrap items-center gap-3 text-sm text-slate-500">
              <span>{minutes} min read</span>
              <span aria-hidden>·</span>
              <span>{lesson.questionCount} quiz questions</span>
              {lesson.exercises.length > 0 && (
                <>
                  <span aria-hidden>·</span>
                  <span>
                    {lesson.exercises.length} practice exercise{lesson.exercises.length === 1 ? "" : "s"}
                  </span>
                </>
              )}
              {user && <LessonReadBadge sectionId={lesson.id} />}
              {bestScore && <ScoreBadge {...bestScore} isPassed={progress?.isQuizPassed ?? false} />}
            </div>
            <details className="mt-4 rounded-md border border-slate-200 bg-white px-4 py-2 text-sm lg:hidden">
              <summary className="cursor-pointer font-medium text-slate-700">On this page</summary>
              <div className="mt-2">
                <TableOfContents headings={headings} />
              </div>
            </details>
          </header>

          {content}

          <section aria-label="Finish the lesson" className="mt-12 space-y-4">
            <div className="card flex flex-wrap items-center gap-4">
              <div className="min-w-0 flex-1">
                <h2 className="font-semibold">Done reading?</h2>
                <p className="text-sm text-slate-600">Mark the lesson as read to track your progress, then check your understanding with the quiz.</p>
              </div>
              {user ? (
                <MarkReadButton sectionId={lesson.id} />
              ) : (
                <Link className="btn-secondary" href={`/sign-in?next=${encodeURIComponent(`/learn/${lesson.id}`)}`}>
                  Sign in to track progress
                </Link>
              )}
            </div>

            <div className="card flex flex-wrap items-center gap-4 border-brand-100 bg-brand-50">
              <div className="min-w-0 flex-1">
                <h2 className="font-semibold">Quiz: {lesson.title}</h2>
                <p className="text-sm text-slate-600">
                  {lesson.questionCount} questions; each answer comes with an explanation.
                  {bestScore && ` Your best score: ${bestScore.score}/${bestScore.maxScore}.`}
                </p>
              </div>
              <Link className="btn-primary" href={`/learn/${lesson.id}/quiz`}>
                {bestScore ? "Retake the quiz" : "Take the quiz"}
              </Link>
            </div>

            {lesson.exercises.length > 0 && (
              <div className="card" data-testid="related-exercises">
                <h2 className="font-semibold">Practise what you learned</h2>
                <ul className="mt-3 divide-y divide-slate-100">
                  {lesson.exercises.map((exercise) => (
                    <li key={exercise.id} className="flex items-center gap-3 py-2">
                      <Link href={`/exercises/${exercise.id}`} className="min-w-0 flex-1 truncate font-medium text-brand-700 hover:underline">
                        {exercise.title}
                      </Link>
                      <DifficultyBadge difficulty={exercise.difficulty} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>

          <nav aria-label="Lessons" className="mt-10 grid gap-3 border-t border-slate-200 pt-6 sm:grid-cols-2">
            {lesson.previous ? (
              <Link href={`/learn/${lesson.previous.id}`} rel="prev" className="card block hover:border-brand-500">
                <span className="text-xs text-slate-500">← Previous</span>
                <span className="mt-0.5 block font-medium">
                  {lesson.previous.id} {lesson.previous.title}
                </span>
              </Link>
            ) : (
              <span />
            )}
            {lesson.next && (
              <Link href={`/learn/${lesson.next.id}`} rel="next" className="card block text-right hover:border-brand-500">
                <span className="text-xs text-slate-500">Next →</span>
                <span className="mt-0.5 block font-medium">
                  {lesson.next.id} {lesson.next.title}
                </span>
              </Link>
            )}
          </nav>
        </article>
      </div>
    </HydrateClient>
  );
}
