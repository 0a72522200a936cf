"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";

import { isFinalStatus } from "@academy/submission-lifecycle/statuses";

import { useTRPC } from "~/trpc/react";
import { useResubscribeOnError } from "~/trpc/use-resubscribe-on-error";

import type { SubmissionStatus } from "./types";

// Only a fallback for a missed event: the subscription normally brings every change at once.
const PENDING_POLL_MS = 15_000;
/**
 * A submission that updates itself: the grader's status changes arrive over the SSE
 * subscription and are written into the `submission.get` cache, so every view of the same
 * submission agrees. The submission is read again whenever the subscription (re)connects,
 * and slowly polled while it is pending, so a missed event never leaves it stale. The
 * subscription closes once the status is final.
 */
export function useLiveSubmission(id: string | null, onFinal?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(
    trpc.submission.get.queryOptions(id ? { id } : skipToken, {
      staleTime: Infinity,
      refetchInterval: (current) => (isFinalStatus(current.state.data?.status) ? false : PENDING_POLL_MS),
    }),
  );
  const isDone = isFinalStatus(query.data?.status);
  const subscription = useSubscription(
    trpc.submission.onStatus.subscriptionOptions(id && !isDone ? { id } : skipToken, {
      onStarted: () => void query.refetch(),
      onData: (submission) => {
        const queryKey = trpc.submission.get.queryKey({ id: submission.id });
        // A read still in flight (the refetch on start, a poll) began before this change: its answer
        // would overwrite the newer status, and after a final one no further event comes to fix it.
        void queryClient.cancelQueries({ queryKey });
        queryClient.setQueryData(queryKey, submission);
      },
    }),
  );
  useOnFinal(id, query.data?.status, onFinal);
  useResubscribeOnError(subscription, !isDone);
  const subscriptionStatus = subscription.status;
  return {
    submission: query.data ?? null,
    error: query.error ?? (subscriptionStatus === "error" ? subscription.error : null),
    isReconnecting: subscriptionStatus === "connecting" && query.data !== undefined && !isDone,
  };
}

/** Calls onFinal once per submission when its status is seen final, whichever way the news came
 * (subscription, refetch or poll); not for one already final when the page showed it. */
function useOnFinal(id: string | null, status: SubmissionStatus | undefined, onFinal?: () => void) {
  const onFinalRef = useRef(onFinal);
  const notifiedId = useRef(isFinalStatus(status) ? id : null);
  useEffect(() => {
    onFinalRef.current = onFinal;
  });
  useEffect(() => {
    if (!id || !isFinalStatus(status) || notifiedId.current === id) return;
    notifiedId.current = id;
    onFinalRef.current?.();
  }, [id, status]);
}
