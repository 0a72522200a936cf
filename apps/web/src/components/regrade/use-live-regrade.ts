"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";

import { useTRPC } from "~/trpc/react";
import { useResubscribeOnError } from "~/trpc/use-resubscribe-on-error";

/**
 * The cohort's regrade view of an exercise, kept current by the server's stream (each grading,
 * start, apply or discard pushes a fresh view into the `regrade.preview` cache). Read again
 * whenever the stream (re)connects, so a change missed meanwhile never leaves it stale.
 */
export function useLiveRegrade(cohortId: string, exerciseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { cohortId, exerciseId };
  const query = useQuery(trpc.regrade.preview.queryOptions(input, { staleTime: Infinity }));
  const subscription = useSubscription(
    trpc.regrade.onPreviewChange.subscriptionOptions(input, {
      onStarted: () => void query.refetch(),
      onData: (view) => queryClient.setQueryData(trpc.regrade.preview.queryKey(input), view),
    }),
  );
  useResubscribeOnError(subscription);
  return { view: query.data, error: query.error, isLoading: query.isPending };
}
