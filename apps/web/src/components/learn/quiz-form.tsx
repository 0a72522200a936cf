"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";

import { QuizQuestion } from "./quiz-question";
import type { QuizResult, RenderedQuestion } from "./quiz-types";

type Props = { sectionId: string; questions: RenderedQuestion[]; passRatio: number; nextLesson: { id: string; title: string } | null };

export function QuizForm({ sectionId, questions, passRatio, nextLesson }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizResult | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const submit = useMutation(
    trpc.quiz.submit.mutationOptions({
      onSuccess: async (graded) => {
        setResult(graded);
        requestAnimationFrame(() => summaryRef.current?.scrollIntoView({ behavior: "smooth", block: "start" }));
        await queryClient.invalidateQueries({ queryKey: trpc.quiz.attempts.queryKey({ sectionId }) });
      },
    }),
  );
  const answered = questions.filter((q) => (answers[q.id]?.length ?? 0) > 0).length;
  const isComplete = answered === questions.length;

  function restart() {
    setAnswers({});
    setResult(null);
    submit.reset();
    window.scrollTo({ top: 0, behavior: "smooth" });
  }

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (isComplete && !result) submit.mutate({ sectionId, answers });
      }}
    >
      {result && (
        <div ref={summaryRef} className={`card scroll-mt-6 ${result.isPassed ? "border-brand-500 bg-brand-50" : "border-amber-300 bg-amber-50"}`} data-testid="quiz-result" role="status">
          <p className="text-sm font-medium text-slate-600">{result.isPassed ? "Passed, well done!" : `Not passed yet: ${Math.round(passRatio * 100)} % passes.`}</p>
          <p className="mt-1 text-3xl font-bold tabular-nums">
            <span data-testid="quiz-score">
              {result.score} / {result.maxScore}
            </span>{" "}
            <span className="text-lg font-medium text-slate-500">({Math.round((result.score / result.maxScore) * 100)} %)</span>
          </p>
          {result.bestScore && (
            <p className="mt-1 text-sm text-slate-600" data-testid="quiz-best">
              Best score: {result.bestScore.score} / {result.bestScore.maxScore}
            </p>
          )}
          <p className="mt-2 text-sm text-slate-600">Each question below shows the right answer and why. Read the explanations of the ones you missed.</p>
          <div className="mt-4 flex flex-wrap gap-2">
            <button type="button" className="btn-secondary" onClick={restart}>
              Try again
            </button>
            <Link className="btn-secondary" href={`/learn/${sectionId}`}>
              Back to the lesson
            </Link>
            {nextLesson && (
              <Link className="btn-primary" href={`/learn/${nextLesson.id}`}>
                Next lesson: {nextLesson.id} {nextLesson.title}
              </Link>
            )}
          </div>
        </div>
      )}

      {questions.map((question, index) => (
        <QuizQuestion
          key={question.id}
          question={question}
          number={index + 1}
          selected={answers[question.id] ?? []}
          graded={result?.questions.find((q) => q.questionId === question.id) ?? null}
          onChange={(selected) => setAnswers((current) => ({ ...current, [question.id]: selected }))}
        />
      ))}

      {!result && (
        <div className="sticky bottom-0 -mx-1 flex flex-wrap items-center gap-3 rounded-t-lg border-t border-slate-200 bg-slate-50/95 px-1 py-3 backdrop-blur">
          <p className="text-sm text-slate-600" aria-live="polite">
            {answered} of {questions.length} answered
          </p>
          {submit.error && (
            <p role="alert" className="text-sm text-red-700">
              {submit.error.message}
            </p>
          )}
          <button type="submit" className="btn-primary ml-auto" disabled={!isComplete || submit.isPending}>
            {submit.isPending ? "Checking…" : isComplete ? "Submit answers" : "Answer every question to submit"}
          </button>
        </div>
      )}
    </form>
  );
}
