"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { ActionError } from "~/components/instructor/describe-action-error";
import { useTRPC } from "~/trpc/react";

/** Joins a team with the code a teammate or the instructor shared, then opens its board. */
export function JoinTeamForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [code, setCode] = useState("");
  const join = useMutation(trpc.team.join.mutationOptions({ onSuccess: (team) => router.push(`/teams/${team.teamId}`) }));
  return (
    <form
      className="card space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        join.mutate({ code: code.trim() });
      }}
    >
      <h2 className="font-semibold">Join a team</h2>
      <div>
        <label className="label" htmlFor="team-code">
          Team code
        </label>
        <input id="team-code" className="field font-mono sm:w-72" autoComplete="off" maxLength={64} value={code} onChange={(event) => setCode(event.target.value)} />
        <p className="mt-1 text-xs text-slate-600">Where your instructor lets teams form themselves, a teammate can give you the code from their team page.</p>
      </div>
      <button type="submit" className="btn-primary" disabled={join.isPending || code.trim() === ""}>
        {join.isPending ? "Joining…" : "Join the team"}
      </button>
      <ActionError error={join.error} />
    </form>
  );
}
