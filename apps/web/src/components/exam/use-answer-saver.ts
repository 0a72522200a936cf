"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";

import { describeExamError, isRefusedChange } from "./describe-exam-error";

export type AnswerSaveState = { kind: "saving" } | { kind: "saved" } | { kind: "failed"; message: string; isRefused: boolean };

/**
 * The learner's answers, each saved to the server as it is chosen. Saves run one at a time and
 * each sends the latest choice for its question, so an older choice never lands after a newer
 * one. A failed save keeps the choice on the page to be retried; nothing is dropped.
 */
export function useAnswerSaver(attemptId: string, initial: Record<string, string[]>) {
  const trpc = useTRPC();
  const { mutateAsync: saveAnswer } = useMutation(trpc.exam.saveAnswer.mutationOptions());
  const [answers, setAnswers] = useState(initial);
  const [states, setStates] = useState<Record<string, AnswerSaveState>>({});
  const answersRef = useRef(answers);
  const waiting = useRef(new Map<string, string[]>());
  const draining = useRef<Promise<void> | null>(null);

  const drain = useCallback(() => {
    draining.current ??= (async () => {
      try {
        for (let next = waiting.current.entries().next(); !next.done; next = waiting.current.entries().next()) {
          const [questionId, choiceIds] = next.value;
          waiting.current.delete(questionId);
          setStates((current) => ({ ...current, [questionId]: { kind: "saving" } }));
          try {
            await saveAnswer({ attemptId, questionId, choiceIds });
            if (!waiting.current.has(questionId)) setStates((current) => ({ ...current, [questionId]: { kind: "saved" } }));
          } catch (error) {
            if (waiting.current.has(questionId)) continue;
            setStates((current) => ({ ...current, [questionId]: { kind: "failed", message: describeExamError(error), isRefused: isRefusedChange(error) } }));
          }
        }
      } finally {
        draining.current = null;
      }
    })();
    return draining.current;
  }, [attemptId, saveAnswer]);

  const choose = useCallback(
    (questionId: string, choiceIds: string[]) => {
      answersRef.current = { ...answersRef.current, [questionId]: choiceIds };
      setAnswers(answersRef.current);
      waiting.current.set(questionId, choiceIds);
      void drain();
    },
    [drain],
  );

  const failedIds = Object.entries(states).flatMap(([id, state]) => (state.kind === "failed" ? [id] : []));
  const retryFailed = useCallback(() => {
    for (const id of failedIds) waiting.current.set(id, answersRef.current[id] ?? []);
    return drain();
  }, [drain, failedIds]);

  /** Resolves once every choice made so far has been sent (saved or failed). */
  const flush = useCallback(async () => {
    while (draining.current) await draining.current;
  }, []);

  const isUnsaved = failedIds.length > 0 || Object.values(states).some((state) => state.kind === "saving");
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (isUnsaved) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isUnsaved]);

  // Back online: what failed for want of a connection goes again.
  useEffect(() => {
    const onOnline = () => void retryFailed();
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [retryFailed]);

  return { answers, states, failedIds, choose, retryFailed, flush };
}
