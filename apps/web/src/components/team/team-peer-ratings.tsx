"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { ScrollTable } from "~/components/instructor/scroll-table";
import { useTRPC } from "~/trpc/react";

import { MilestoneSelect } from "./milestone-select";
import type { TeamDetail } from "./types";

const FLAG_TEXT = { "rated-far-below": "rated far below the team", "contributed-nothing": "contributed nothing" } as const;

/** The instructor's view of a milestone's peer review: per member the mean, a suggested factor and flags; every rating with its comment. */
export function TeamPeerRatings({ team }: { team: TeamDetail }) {
  const trpc = useTRPC();
  const [milestoneKey, setMilestoneKey] = useState(team.milestones[0]?.key ?? "");
  const { data, error } = useQuery(trpc.team.peerReview.queryOptions({ teamId: team.id, milestoneKey }, { enabled: milestoneKey !== "" }));
  const names = new Map(team.members.map((m) => [m.id, m.name]));
  if (team.milestones.length === 0) return <p className="text-sm text-slate-600">This project has no milestones.</p>;
  return (
    <div className="card space-y-4">
      <MilestoneSelect id="ratings-milestone" milestones={team.milestones} value={milestoneKey} onChange={setMilestoneKey} />
      {error && <p className="text-sm text-rose-700">{error.message}</p>}
      {data && (
        <>
          <ScrollTable label="Peer ratings per member" columns={[{ label: "Member" }, { label: "Ratings", isNumeric: true }, { label: "Mean (1–5)", isNumeric: true }, { label: "Suggested factor", isNumeric: true }, { label: "Flags" }]} minWidth="36rem" testId="peer-summary">
            {data.members.map((member) => (
              <tr key={member.userId} className="border-t border-slate-100">
                <th scope="row" className="py-2 pr-3 font-medium">
                  {member.name}
                </th>
                <td className="py-2 pr-3 text-right">{member.ratingsReceived}</td>
                <td className="py-2 pr-3 text-right">{member.meanRating ?? "—"}</td>
                <td className="py-2 pr-3 text-right">{member.adjustmentFactor ?? "—"}</td>
                <td className="py-2">
                  {member.flags.map((flag) => (
                    <span key={flag} className="mr-1 rounded bg-rose-100 px-1.5 text-xs text-rose-900">
                      {FLAG_TEXT[flag]}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </ScrollTable>
          <h3 className="font-medium">Every rating</h3>
          {data.ratings.length === 0 ? (
            <p className="text-sm text-slate-600">No one has rated a teammate at this milestone yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {data.ratings.map((rating) => (
                <li key={`${rating.raterId}:${rating.rateeId}`} className="rounded-md bg-slate-50 p-2">
                  <p>
                    <span className="font-medium">{names.get(rating.raterId) ?? "A former member"}</span> rated{" "}
                    <span className="font-medium">{names.get(rating.rateeId) ?? "a former member"}</span>: contribution {rating.contribution}, quality {rating.quality}, communication {rating.communication}
                  </p>
                  {rating.comment && <p className="mt-1 whitespace-pre-wrap break-words text-slate-700">{rating.comment}</p>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
