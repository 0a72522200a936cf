"use client";

import { skipToken, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";

import { useTRPC } from "~/trpc/react";

import { useResubscribeOnError } from "~/trpc/use-resubscribe-on-error";

/**
 * Keeps the result's cache live while Part B is graded: each finished grading arrives over the
 * subscription, which sends the whole result on every (re)connect, so a missed event never leaves it stale.
 */
export function useLiveExamResult(attemptId: string, isFinal: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscription = useSubscription(
    trpc.exam.onResult.subscriptionOptions(isFinal ? skipToken : { attemptId }, {
      onData: (result) => queryClient.setQueryData(trpc.exam.result.queryKey({ attemptId }), result),
    }),
  );
  useResubscribeOnError(subscription, !isFinal);
}
