"use client";

import { skipToken, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";

import { useTRPC } from "~/trpc/react";
import { useResubscribeOnError } from "~/trpc/use-resubscribe-on-error";

type LiveState = "connecting" | "live" | "reconnecting";

/**
 * Keeps every view of a team current: each change a member makes (a task moved, a file saved, a
 * milestone graded) arrives over the team's SSE stream and marks the team's queries stale, so the
 * ones on screen read again at once; so does the stream's start and each resync after a reconnect,
 * when events may have been missed.
 */
export function useTeamLive(teamId: string): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscription = useSubscription(
    trpc.team.watch.subscriptionOptions(teamId ? { teamId } : skipToken, {
      // "ready" (listening has begun) and "resync" (after a reconnect) as much as a change: read again what is on screen.
      onData: () => void queryClient.invalidateQueries({ queryKey: trpc.team.pathKey() }),
    }),
  );
  useResubscribeOnError(subscription);
  const { status } = subscription;
  if (status === "pending") return "live";
  return status === "error" || (status === "connecting" && subscription.data !== undefined) ? "reconnecting" : "connecting";
}

const LABEL: Record<LiveState, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };

/** Subscribes for the whole team page and says whether teammates' changes are arriving. */
export function TeamLive({ teamId }: { teamId: string }) {
  const state = useTeamLive(teamId);
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-slate-600" data-testid="team-live" data-state={state} title="Teammates' changes appear without a reload.">
      <span aria-hidden className={`size-2 rounded-full ${state === "live" ? "bg-emerald-500" : "bg-amber-400"}`} />
      {LABEL[state]}
    </span>
  );
}
