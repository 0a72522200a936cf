"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { QuizQuestion } from "~/components/learn/quiz-question";
import { useTRPC } from "~/trpc/react";

import { describeExamError } from "./describe-exam-error";
import { formatCountdown } from "./format";
import { QuestionOverview } from "./question-overview";
import { SubmitDialog } from "./submit-dialog";
import type { SittingQuestion } from "./types";
import type { AnswerSaveState } from "./use-answer-saver";
import { useAnswerSaver } from "./use-answer-saver";
import { useCountdown } from "./use-countdown";
import { useLivePartBSubscription } from "./use-live-part-b";

export type PartBTab = { id: string; label: string; content: React.ReactNode };

type ExamSittingProps = { attemptId: string; title: string; questions: SittingQuestion[]; partB: PartBTab[] };

// Past the deadline the page asks the server again no sooner than this, in case this device's clock ran ahead.
const TIME_UP_RECHECK_MS = 1000;

function SaveStatus({ state, onRetry }: { state: AnswerSaveState | undefined; onRetry: () => void }) {
  if (!state) return null;
  if (state.kind === "failed") {
    return (
      <p role="alert" data-testid="answer-save-state" data-state="failed" className="flex flex-wrap items-center gap-2 text-sm text-rose-800">
        Not saved: {state.message}
        {!state.isRefused && (
          <button type="button" className="font-medium underline" onClick={onRetry}>
            Retry
          </button>
        )}
      </p>
    );
  }
  return (
    <p data-testid="answer-save-state" data-state={state.kind} aria-live="polite" className="text-xs text-slate-500">
      {state.kind === "saving" ? "Saving…" : "Saved"}
    </p>
  );
}

/** The sitting: the countdown, Part A's questions one at a time with their overview, Part B's workspaces, and submitting. */
export function ExamSitting({ attemptId, title, questions, partB }: ExamSittingProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const attemptKey = trpc.exam.getAttempt.queryKey({ attemptId });
  const attempt = useQuery(trpc.exam.getAttempt.queryOptions({ attemptId }));
  const data = attempt.data!;
  const resultHref = `/exam/attempts/${attemptId}/result`;

  const saver = useAnswerSaver(attemptId, Object.fromEntries(data.answers.map((answer) => [answer.questionId, answer.choiceIds])));
  const [flagged, setFlagged] = useState(() => new Set(data.flaggedQuestionIds));
  const [flagError, setFlagError] = useState<string | null>(null);
  const flag = useMutation(trpc.exam.flag.mutationOptions());
  const [current, setCurrent] = useState(0);
  const [tab, setTab] = useState("part-a");
  const [isConfirming, setIsConfirming] = useState(false);
  const submit = useMutation(trpc.exam.submit.mutationOptions());
  const { remainingMs, isTimeUp, serverNow } = useCountdown(data.deadlineAt, data.now);
  const isOver = data.status !== "in-progress";
  useLivePartBSubscription(attemptId);

  useEffect(() => {
    if (isOver) router.replace(resultHref);
  }, [isOver, resultHref, router]);

  // At the deadline the server submits the attempt (a read past it does too): ask until it has.
  const { refetch, dataUpdatedAt, errorUpdatedAt } = attempt;
  useEffect(() => {
    if (!isTimeUp || isOver) return;
    const wait = Math.max(TIME_UP_RECHECK_MS, data.deadlineAt.getTime() - serverNow());
    const timer = setTimeout(() => void refetch(), wait);
    return () => clearTimeout(timer);
  }, [isTimeUp, isOver, data.deadlineAt, serverNow, refetch, dataUpdatedAt, errorUpdatedAt]);

  const answeredIds = new Set(Object.entries(saver.answers).flatMap(([id, choices]) => (choices.length > 0 ? [id] : [])));
  const question = questions[current]!;
  const isFlagged = flagged.has(question.id);
  const refusal = Object.values(saver.states).find((state) => state.kind === "failed" && state.isRefused);

  function toggleFlag(questionId: string, isNowFlagged: boolean) {
    const apply = (on: boolean) =>
      setFlagged((previous) => {
        const next = new Set(previous);
        if (on) next.add(questionId);
        else next.delete(questionId);
        return next;
      });
    setFlagError(null);
    apply(isNowFlagged);
    flag.mutate(
      { attemptId, questionId, isFlagged: isNowFlagged },
      {
        onError: (error) => {
          apply(!isNowFlagged);
          setFlagError(describeExamError(error));
        },
      },
    );
  }

  async function confirmSubmit() {
    await saver.flush();
    submit.mutate(
      { attemptId },
      {
        onSuccess: async () => {
          await queryClient.invalidateQueries({ queryKey: attemptKey });
          router.push(resultHref);
        },
      },
    );
  }

  return (
    <div className="space-y-4" data-testid="exam-sitting">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
        <h1 className="text-lg font-semibold">{title}</h1>
        <p className="flex items-baseline gap-2 text-sm text-slate-600">
          Time left
          <span role="timer" aria-live="off" data-testid="countdown" className={`text-xl font-semibold tabular-nums ${remainingMs < 5 * 60_000 ? "text-rose-700" : "text-slate-900"}`}>
            {formatCountdown(remainingMs)}
          </span>
        </p>
        <p className="text-sm text-slate-600" data-testid="answered-count">
          {answeredIds.size} of {questions.length} answered
        </p>
        <button type="button" className="btn-primary ml-auto" disabled={isTimeUp || isOver} onClick={() => setIsConfirming(true)}>
          Submit exam
        </button>
      </div>

      {isTimeUp && (
        <p role="alert" data-testid="time-up" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          Time is up. Your saved answers and code are being submitted; your result opens as soon as the server has submitted the exam.
        </p>
      )}
      {refusal?.kind === "failed" && !isTimeUp && (
        <p role="alert" data-testid="save-refused" className="rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900">
          {refusal.message}
        </p>
      )}
      {saver.failedIds.length > 0 && !refusal && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900">
          {saver.failedIds.length} answer{saver.failedIds.length === 1 ? " is" : "s are"} not saved yet; they are kept on this page.
          <button type="button" className="btn-secondary !py-1" onClick={() => void saver.retryFailed()}>
            Retry saving
          </button>
        </div>
      )}

      <div role="tablist" aria-label="Exam parts" className="flex flex-wrap gap-1 border-b border-slate-200">
        {[{ id: "part-a", label: `Part A · ${questions.length} questions` }, ...partB.map(({ id, label }) => ({ id, label }))].map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-controls={`panel-${id}`}
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"}`}
          >
            {label}
          </button>
        ))}
      </div>

      <div role="tabpanel" id="panel-part-a" aria-labelledby="tab-part-a" hidden={tab !== "part-a"} className="lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-6">
        <div className="min-w-0 space-y-3">
          <fieldset disabled={isTimeUp || isOver} className="min-w-0">
            <QuizQuestion key={question.id} question={question} number={current + 1} selected={saver.answers[question.id] ?? []} graded={null} onChange={(choices) => saver.choose(question.id, choices)} />
          </fieldset>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className="btn-secondary" disabled={current === 0} onClick={() => setCurrent(current - 1)}>
              ← Previous
            </button>
            <button type="button" className="btn-secondary" disabled={current === questions.length - 1} onClick={() => setCurrent(current + 1)}>
              Next →
            </button>
            <button
              type="button"
              aria-pressed={isFlagged}
              disabled={isTimeUp || isOver}
              onClick={() => toggleFlag(question.id, !isFlagged)}
              className={`btn-secondary ${isFlagged ? "!border-amber-400 !bg-amber-50 !text-amber-900" : ""}`}
            >
              {isFlagged ? "Flagged for review" : "Flag for review"}
            </button>
            <span className="ml-auto">
              <SaveStatus state={saver.states[question.id]} onRetry={() => void saver.retryFailed()} />
            </span>
          </div>
          {flagError && (
            <p role="alert" className="text-sm text-rose-800">
              The flag was not saved: {flagError}
            </p>
          )}
        </div>
        <aside className="mt-6 lg:mt-0">
          <div className="card lg:sticky lg:top-20">
            <QuestionOverview questionIds={questions.map((q) => q.id)} current={current} answeredIds={answeredIds} flaggedIds={flagged} onOpen={setCurrent} />
          </div>
        </aside>
      </div>

      {partB.map(({ id, content }) => (
        <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id}>
          {content}
        </div>
      ))}

      <SubmitDialog
        isOpen={isConfirming}
        unanswered={questions.length - answeredIds.size}
        flagged={flagged.size}
        unsaved={saver.failedIds.length}
        isSubmitting={submit.isPending}
        error={submit.error ? describeExamError(submit.error) : null}
        onConfirm={() => void confirmSubmit()}
        onCancel={() => setIsConfirming(false)}
      />
    </div>
  );
}
