"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { ScrollTable } from "~/components/instructor/scroll-table";
import { formatScore, formatTime } from "~/components/practice/format";
import { useTRPC } from "~/trpc/react";

import type { ProjectOverviewData } from "./types";

type TeamRow = ProjectOverviewData["teams"][number];

const STATUS_TONE: Record<TeamRow["milestones"][number]["status"], string> = {
  "not-started": "text-slate-600",
  submitted: "text-sky-800",
  passed: "text-emerald-700",
  late: "text-rose-700",
};
const STATUS_LABEL: Record<TeamRow["milestones"][number]["status"], string> = { "not-started": "not submitted", submitted: "submitted", passed: "passed", late: "overdue" };

function describeFlag(flag: TeamRow["flags"][number]) {
  switch (flag.kind) {
    case "under-sized":
      return `too few members (${flag.members})`;
    case "over-sized":
      return `too many members (${flag.members})`;
    case "contributed-nothing":
      return `${flag.name} contributed nothing`;
    case "dominant-member":
      return `${flag.name} wrote ${Math.round(flag.share * 100)}% of the code`;
  }
}

/** Every team of a project at a glance: each milestone's status and best score, the last activity, and imbalance flags. */
export function ProjectOverview({ cohortId, projectId }: { cohortId: string; projectId: string }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.team.overview.queryOptions({ projectId }));
  if (error) return <p className="text-sm text-rose-700">The overview could not be read: {error.message}</p>;
  if (!data) return <p className="text-sm text-slate-600">Loading the teams…</p>;
  if (data.teams.length === 0) return <p className="text-sm text-slate-600">No teams yet: form them first.</p>;
  const columns = [{ label: "Team" }, { label: "Members", isNumeric: true }, ...data.milestones.map((m) => ({ label: m.title })), { label: "Last activity" }, { label: "Flags" }];
  return (
    <ScrollTable label={`Teams of ${data.project.title}`} columns={columns} minWidth={`${32 + data.milestones.length * 10}rem`} testId="project-overview">
      {data.teams.map((team) => (
        <tr key={team.teamId} className="border-t border-slate-100 align-top" data-testid="overview-row">
          <th scope="row" className="py-2 pr-3 font-medium">
            <Link href={`/instructor/cohorts/${cohortId}/teams/${team.teamId}`} className="text-brand-700 hover:underline">
              {team.name}
            </Link>
          </th>
          <td className="py-2 pr-3 text-right">{team.memberCount}</td>
          {team.milestones.map((milestone) => (
            <td key={milestone.key} className="py-2 pr-3">
              <span className={STATUS_TONE[milestone.status]}>{STATUS_LABEL[milestone.status]}</span>
              {milestone.bestScore !== null && <span className="block font-medium">{formatScore(milestone.bestScore, milestone.maxScore)}</span>}
              {milestone.isLate && <span className="rounded bg-rose-100 px-1 text-xs text-rose-900">late</span>}
            </td>
          ))}
          <td className="py-2 pr-3 text-slate-700">{team.lastActivityAt ? formatTime(team.lastActivityAt) : "none"}</td>
          <td className="min-w-44 py-2">
            {team.flags.length === 0 ? (
              <span className="text-slate-500">—</span>
            ) : (
              <ul className="space-y-1">
                {team.flags.map((flag, index) => (
                  <li key={index} className="rounded bg-amber-100 px-1.5 text-xs text-amber-950">
                    {describeFlag(flag)}
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
