"use client";

import { useQuery } from "@tanstack/react-query";

import { ScrollTable } from "~/components/instructor/scroll-table";
import { useTRPC } from "~/trpc/react";

const COLUMNS = [
  { label: "Member" },
  { label: "Tasks done", isNumeric: true },
  { label: "Saves", isNumeric: true },
  { label: "Lines + / −", isNumeric: true },
  { label: "Submissions", isNumeric: true },
  { label: "Hidden tests turned green", isNumeric: true },
];

/** What each member did: tasks completed, saves and lines changed, submissions, and the hidden tests their changes turned green. */
export function TeamContributions({ teamId }: { teamId: string }) {
  const trpc = useTRPC();
  const { data: members } = useQuery(trpc.team.contributions.queryOptions({ teamId }));
  if (!members) return <p className="text-sm text-slate-600">Loading the contributions…</p>;
  return (
    <div className="card space-y-3">
      <ScrollTable label="Contributions per member" columns={COLUMNS} minWidth="40rem" testId="contributions">
        {members.map((member) => (
          <tr key={member.userId} className="border-t border-slate-100" data-testid="contribution-row">
            <th scope="row" className="py-2 pr-3 font-medium">
              {member.name}
              {member.hasContributedNothing && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-normal text-amber-900">nothing yet</span>}
            </th>
            <td className="py-2 pr-3 text-right">{member.tasksCompleted}</td>
            <td className="py-2 pr-3 text-right">{member.saves}</td>
            <td className="py-2 pr-3 text-right">
              <span className="text-emerald-700">+{member.linesAdded}</span> / <span className="text-rose-700">−{member.linesRemoved}</span>
            </td>
            <td className="py-2 pr-3 text-right">{member.submissions}</td>
            <td className="py-2 text-right">{member.testsTurnedGreen}</td>
          </tr>
        ))}
      </ScrollTable>
      <p className="text-xs text-slate-600">
        A hidden test turned green is credited to every member who saved code between the submission where it failed and the next one where it passed.
      </p>
    </div>
  );
}
