"use client";

import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";

import { ActivityFeed } from "./activity-feed";

export const ACTIVITY_PAGE_SIZE = 100;

/** The team's feed, live: each change a member makes arrives with the team's stream. */
export function TeamActivity({ teamId }: { teamId: string }) {
  const trpc = useTRPC();
  const { data: items } = useQuery(trpc.team.activity.queryOptions({ teamId, limit: ACTIVITY_PAGE_SIZE }));
  if (!items) return <p className="text-sm text-slate-600">Loading the activity…</p>;
  return (
    <div className="card">
      <ActivityFeed items={items} />
    </div>
  );
}
