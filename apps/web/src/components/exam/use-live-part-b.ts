"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";

import { useTRPC } from "~/trpc/react";

import { useResubscribeOnError } from "~/trpc/use-resubscribe-on-error";

/** Part B's submissions during the exam (received, place in line, graded), kept live by one subscription per page. */
export function useLivePartBSubscription(attemptId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscription = useSubscription(
    trpc.exam.onPartBStatus.subscriptionOptions(
      { attemptId },
      { onData: (status) => queryClient.setQueryData(trpc.exam.partBStatus.queryKey({ attemptId }), status) },
    ),
  );
  useResubscribeOnError(subscription);
}

/** One exercise's Part B submissions, from the page's live view. */
export function usePartBSubmissions(attemptId: string, exerciseId: string) {
  const trpc = useTRPC();
  const status = useQuery(trpc.exam.partBStatus.queryOptions({ attemptId }, { staleTime: Infinity }));
  return status.data?.exercises.find((exercise) => exercise.exerciseId === exerciseId)?.submissions ?? [];
}
