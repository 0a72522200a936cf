import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { QuizAttempts } from "~/components/learn/quiz-attempts";
import { QuizForm } from "~/components/learn/quiz-form";
import type { RenderedQuestion } from "~/components/learn/quiz-types";
import { Markdown } from "~/components/markdown/markdown";
import { fenceCode } from "~/components/markdown/parse-markdown";
import { requireUser } from "~/lib/require-user";
import { getServerCaller, HydrateClient, prefetch, trpc } from "~/trpc/server";

import { loadLesson } from "../load-lesson";

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await loadLesson((await params).section);
  return { title: lesson ? `Quiz ${lesson.id} ${lesson.title}` : "Quiz" };
}

export default async function QuizPage({ params }: Props) {
  const { section } = await params;
  await requireUser(`/learn/${section}/quiz`);
  const lesson = await loadLesson(section);
  if (!lesson) notFound();
  const caller = await getServerCaller();
  const [quiz] = await Promise.all([caller.quiz.get({ sectionId: lesson.id }), prefetch(trpc.quiz.attempts.queryOptions({ sectionId: lesson.id }))]);
  // Prompts, code and choices are rendered (and highlighted) here; the browser gets no answers.
  const questions: RenderedQuestion[] = quiz.questions.map((question) => ({
    id: question.id,
    kind: question.kind,
    prompt: <Markdown source={question.prompt} className="prose-p:my-0 font-medium text-slate-900" />,
    code: question.code ? <Markdown source={fenceCode(question.code, "python")} /> : null,
    choices: question.choices.map((choice) => ({ id: choice.id, label: <Markdown source={choice.text} variant="inline" /> })),
  }));
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-8">
      <div className="min-w-0 max-w-3xl space-y-6">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/learn" className="hover:underline">
            Learn
          </Link>{" "}
          /{" "}
          <Link href={`/learn/${lesson.id}`} className="hover:underline">
            {lesson.id} {lesson.title}
          </Link>{" "}
          / Quiz
        </nav>
        <header>
          <h1 className="text-2xl font-bold tracking-tight">Quiz: {lesson.title}</h1>
          <p className="mt-1 text-slate-600">
            {questions.length} questions. Pick one answer, or every right one where it says “Select all that apply”: a partly right selection scores nothing.
            You pass from {Math.round(quiz.passRatio * 100)} %.
          </p>
        </header>
        <QuizForm sectionId={lesson.id} questions={questions} passRatio={quiz.passRatio} nextLesson={lesson.next} />
      </div>
      <aside className="mt-8 space-y-4 lg:mt-0">
        <div className="lg:sticky lg:top-6">
          <HydrateClient>
            <QuizAttempts sectionId={lesson.id} />
          </HydrateClient>
        </div>
      </aside>
    </div>
  );
}
