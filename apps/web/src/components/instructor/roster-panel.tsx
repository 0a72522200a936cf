"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { useTRPC } from "~/trpc/react";

import { cohortLinks } from "./cohort-links";
import { ActionError } from "./describe-action-error";
import type { CohortDetail } from "./types";

function InviteLink({ cohort }: { cohort: CohortDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [origin, setOrigin] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const regenerate = useMutation(
    trpc.cohort.regenerateInvite.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cohort.get.queryKey({ cohortId: cohort.id }) }),
    }),
  );
  const link = `${origin}${cohortLinks.invite(cohort.inviteCode)}`;
  const isArchived = cohort.archivedAt !== null;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-medium text-slate-700">Invite</h3>
      {isArchived ? (
        <p className="text-sm text-slate-600">This cohort is archived: nobody can join it.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            Code <span className="font-mono font-semibold" data-testid="invite-code">{cohort.inviteCode}</span>. Learners join by opening the link, signed in.
          </p>
          <div className="flex flex-wrap gap-2">
            <label className="sr-only" htmlFor="invite-link">
              Invite link
            </label>
            <input id="invite-link" className="field min-w-0 grow basis-64 font-mono" readOnly value={link} data-testid="invite-link" onFocus={(event) => event.target.select()} />
            <button
              type="button"
              className="btn-secondary"
              onClick={async () => {
                await navigator.clipboard.writeText(link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy link"}
            </button>
            <button
              type="button"
              className="btn-secondary"
              disabled={regenerate.isPending}
              onClick={() => {
                if (window.confirm("Make a new invite code? The old link stops working.")) regenerate.mutate({ cohortId: cohort.id });
              }}
            >
              New code
            </button>
          </div>
        </>
      )}
      <ActionError error={regenerate.error} />
    </div>
  );
}

function AddInstructorForm({ cohortId }: { cohortId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const add = useMutation(
    trpc.cohort.addInstructor.mutationOptions({
      onSuccess: async () => {
        setEmail("");
        await queryClient.invalidateQueries({ queryKey: trpc.cohort.get.queryKey({ cohortId }) });
      },
    }),
  );
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ cohortId, email });
      }}
    >
      <label className="label" htmlFor="co-instructor-email">
        Add a co-instructor by email
      </label>
      <div className="flex flex-wrap gap-2">
        <input id="co-instructor-email" className="field min-w-0 flex-1" type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <button type="submit" className="btn-secondary" disabled={add.isPending}>
          Add
        </button>
      </div>
      <ActionError error={add.error} />
      {add.data && (
        <p role="status" className="text-sm text-slate-700">
          {add.data.name} now teaches this cohort.
        </p>
      )}
    </form>
  );
}

/** Who is in the cohort and how others get in: the invite link, removing a learner, adding a co-instructor. */
export function RosterPanel({ cohort, onChange }: { cohort: CohortDetail; onChange: () => void }) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.cohort.removeLearner.mutationOptions({ onSuccess: onChange }));
  return (
    <section className="card space-y-5" aria-labelledby="roster-heading" data-testid="roster">
      <h2 id="roster-heading" className="font-semibold">
        Roster
      </h2>
      <InviteLink cohort={cohort} />
      <div className="space-y-1">
        <h3 className="text-sm font-medium text-slate-700">Instructors</h3>
        <ul className="text-sm">
          {cohort.instructors.map((instructor) => (
            <li key={instructor.id} className="break-words">
              {instructor.name} <span className="text-slate-500">{instructor.email}</span>
            </li>
          ))}
        </ul>
      </div>
      <AddInstructorForm cohortId={cohort.id} />
      <div className="space-y-1">
        <h3 className="text-sm font-medium text-slate-700">Learners ({cohort.learners.length})</h3>
        {cohort.learners.length === 0 ? (
          <p className="text-sm text-slate-600">Nobody has joined yet. Send the invite link above.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {cohort.learners.map((learner) => (
              <li key={learner.id} className="flex items-baseline gap-3 py-1.5" data-testid="roster-learner">
                <span className="min-w-0 flex-1 break-words">
                  {learner.name} <span className="text-slate-500">{learner.email}</span>
                </span>
                <button
                  type="button"
                  className="ml-auto shrink-0 text-sm text-rose-700 underline disabled:opacity-60"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(`Remove ${learner.name} from the cohort? Their own work stays theirs.`)) remove.mutate({ cohortId: cohort.id, learnerId: learner.id });
                  }}
                >
                  Remove<span className="sr-only"> {learner.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <ActionError error={remove.error} />
      </div>
    </section>
  );
}
