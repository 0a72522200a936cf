"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";

import { useTRPC } from "~/trpc/react";

// A subscription that failed (the server lost its database for a moment) is opened again after this.
const RESUBSCRIBE_AFTER_ERROR_MS = 5_000;

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
  const { status: subscriptionStatus, reset: resubscribe } = subscription;
  useEffect(() => {
    if (subscriptionStatus !== "error") return;
    const timer = setTimeout(resubscribe, RESUBSCRIBE_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [subscriptionStatus, resubscribe]);
  return { view: query.data, error: query.error, isLoading: query.isPending };
}
