"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ActionError } from "~/components/instructor/describe-action-error";
import { useTRPC } from "~/trpc/react";

import { PeerReviewForm } from "./peer-review-form";
import { MilestoneSelect } from "./milestone-select";
import type { TeamDetail } from "./types";

/** Each milestone's peer review: the member rates every teammate; what they gave stays with the instructor. */
export function TeamPeerReview({ team }: { team: TeamDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [milestoneKey, setMilestoneKey] = useState(team.milestones[0]?.key ?? "");
  const milestone = team.milestones.find((m) => m.key === milestoneKey);
  const progress = useQuery(trpc.team.myPeerReview.queryOptions({ teamId: team.id, milestoneKey }, { enabled: milestoneKey !== "" }));
  const rate = useMutation(trpc.team.ratePeers.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.team.myPeerReview.queryKey({ teamId: team.id, milestoneKey }) }) }));
  if (!milestone) return <p className="text-sm text-slate-600">This project has no milestones to review.</p>;
  return (
    <div className="card space-y-4">
      <MilestoneSelect id="review-milestone" milestones={team.milestones} value={milestoneKey} onChange={setMilestoneKey} />
      {progress.data ? (
        <PeerReviewForm
          key={milestoneKey}
          milestoneTitle={milestone.title}
          teammates={progress.data.teammates}
          isSaving={rate.isPending}
          onSubmit={(ratings) => rate.mutate({ teamId: team.id, milestoneKey, ratings })}
        />
      ) : (
        <p className="text-sm text-slate-600">Loading…</p>
      )}
      {rate.isSuccess && (
        <p role="status" className="text-sm text-emerald-700">
          Your ratings are saved.
        </p>
      )}
      <ActionError error={progress.error ?? rate.error} />
    </div>
  );
}
