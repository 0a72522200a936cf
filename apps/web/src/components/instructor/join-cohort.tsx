"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "~/trpc/react";

import { ActionError } from "./describe-action-error";

/** A learner's side of an invite link: one button, so opening (or prefetching) the link changes nothing by itself. */
export function JoinCohort({ code }: { code: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const join = useMutation(trpc.cohort.join.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }) }));
  if (join.data) {
    return (
      <div role="status" className="card space-y-3" data-testid="join-result">
        <p>
          You are in <span className="font-semibold">{join.data.name}</span>. Your instructors now see your practice results.
        </p>
        <Link href="/dashboard" className="btn-primary">
          Go to your dashboard
        </Link>
      </div>
    );
  }
  return (
    <div className="card space-y-3">
      <p className="text-slate-700">
        You were invited to a cohort with the code <span className="font-mono font-semibold">{code}</span>. Joining lets its instructors see your exercise, quiz and lesson progress.
      </p>
      <button type="button" className="btn-primary" disabled={join.isPending} onClick={() => join.mutate({ code })}>
        {join.isPending ? "Joining…" : "Join the cohort"}
      </button>
      <ActionError error={join.error} />
    </div>
  );
}
