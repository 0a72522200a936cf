"use client";

import { skipToken, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";

import { useTRPC } from "~/trpc/react";
import { useResubscribeOnError } from "~/trpc/use-resubscribe-on-error";

export type LiveState = "connecting" | "live" | "reconnecting";

/**
 * Keeps a cohort's views current: each grading that finishes for one of its learners (and each
 * (re)connection or resync, when events may have been missed) marks the cohort's queries stale,
 * and the ones on screen read again. The news comes from the server's one status listener over SSE.
 */
export function useCohortLive(cohortId: string | null): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscription = useSubscription(
    trpc.cohort.watch.subscriptionOptions(cohortId ? { cohortId } : skipToken, {
      onData: () => void queryClient.invalidateQueries({ queryKey: trpc.cohort.pathKey() }),
    }),
  );
  useResubscribeOnError(subscription);
  const { status } = subscription;
  if (status === "pending") return "live";
  return status === "error" || (status === "connecting" && subscription.data !== undefined) ? "reconnecting" : "connecting";
}

const LABEL: Record<LiveState, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };

/** Says whether the numbers on screen follow the gradings as they finish. */
export function LiveBadge({ state }: { state: LiveState }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-slate-600" data-testid="live-state" data-state={state} title="Results update as gradings finish, without a reload.">
      <span aria-hidden className={`size-2 rounded-full ${state === "live" ? "bg-emerald-500" : "bg-amber-400"}`} />
      {LABEL[state]}
    </span>
  );
}
