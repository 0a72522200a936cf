"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";

import { useTRPC } from "~/trpc/react";

import { isFinalStatus } from "./types";

/**
 * A submission that updates itself: the grader's status changes arrive over the SSE
 * subscription (no polling) and are written into the `submission.get` cache, so every view of
 * the same submission agrees. The subscription closes once the status is final.
 */
export function useLiveSubmission(id: string | null, onFinal?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.submission.get.queryOptions(id ? { id } : skipToken, { staleTime: Infinity }));
  const isDone = isFinalStatus(query.data?.status);
  const subscription = useSubscription(
    trpc.submission.onStatus.subscriptionOptions(id && !isDone ? { id } : skipToken, {
      onData: (submission) => {
        queryClient.setQueryData(trpc.submission.get.queryKey({ id: submission.id }), submission);
        if (isFinalStatus(submission.status)) onFinal?.();
      },
    }),
  );
  return {
    submission: query.data ?? null,
    error: query.error ?? (subscription.status === "error" ? subscription.error : null),
    isReconnecting: subscription.status === "connecting" && query.data !== undefined && !isDone,
  };
}
