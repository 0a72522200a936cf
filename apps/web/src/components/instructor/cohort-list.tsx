"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";

import { ActionError, describeActionError } from "./describe-action-error";
import type { CohortListEntry } from "./types";

function CreateCohortForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.cohort.create.mutationOptions({
      onSuccess: async () => {
        setName("");
        await queryClient.invalidateQueries({ queryKey: trpc.cohort.list.queryKey() });
      },
    }),
  );
  return (
    <form
      className="card space-y-3"
      aria-labelledby="create-cohort-heading"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ name });
      }}
    >
      <h2 id="create-cohort-heading" className="font-semibold">
        New cohort
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <label className="label" htmlFor="new-cohort-name">
            Name
          </label>
          <input id="new-cohort-name" className="field" value={name} maxLength={80} required onChange={(event) => setName(event.target.value)} />
        </div>
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          Create cohort
        </button>
      </div>
      <ActionError error={create.error} />
      {create.data && (
        <p role="status" className="text-sm text-slate-700">
          Created <span className="font-medium">{create.data.name}</span>. Its invite code is{" "}
          <span className="font-mono">{create.data.inviteCode}</span>.
        </p>
      )}
    </form>
  );
}

function CohortRow({ cohort }: { cohort: CohortListEntry }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isRenaming, setIsRenaming] = useState(false);
  const [name, setName] = useState(cohort.name);
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.cohort.list.queryKey() });
  const rename = useMutation(
    trpc.cohort.rename.mutationOptions({
      onSuccess: async () => {
        setIsRenaming(false);
        await refreshList();
      },
    }),
  );
  const archive = useMutation(trpc.cohort.archive.mutationOptions({ onSuccess: refreshList }));
  const error = rename.error ?? archive.error;
  const isArchived = cohort.archivedAt !== null;
  return (
    <li className="space-y-2 py-3" data-testid="cohort-row" data-cohort-id={cohort.id}>
      {isRenaming ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ cohortId: cohort.id, name });
          }}
        >
          <div className="min-w-0 flex-1">
            <label className="label" htmlFor={`rename-${cohort.id}`}>
              New name for {cohort.name}
            </label>
            <input id={`rename-${cohort.id}`} className="field" value={name} maxLength={80} required onChange={(event) => setName(event.target.value)} />
          </div>
          <button type="submit" className="btn-primary" disabled={rename.isPending}>
            Save
          </button>
          <button type="button" className="btn-secondary" onClick={() => setIsRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <Link href={`/instructor/cohorts/${cohort.id}`} className="min-w-0 font-medium break-words text-brand-700 hover:underline">
            {cohort.name}
          </Link>
          {isArchived && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">archived</span>}
          <span className="text-sm text-slate-600">
            {cohort.memberCount} {cohort.memberCount === 1 ? "member" : "members"}
          </span>
          <span className="ml-auto flex gap-2">
            <button type="button" className="btn-secondary !px-3 !py-1" onClick={() => setIsRenaming(true)} aria-label={`Rename ${cohort.name}`}>
              Rename
            </button>
            {!isArchived && (
              <button
                type="button"
                className="btn-secondary !px-3 !py-1"
                disabled={archive.isPending}
                aria-label={`Archive ${cohort.name}`}
                onClick={() => {
                  if (window.confirm(`Archive ${cohort.name}? Its results stay; no one can join it any more.`)) archive.mutate({ cohortId: cohort.id });
                }}
              >
                Archive
              </button>
            )}
          </span>
        </div>
      )}
      <ActionError error={error} />
    </li>
  );
}

/** The instructor's cohorts, each a link to its dashboard, with create, rename and archive. */
export function CohortList() {
  const trpc = useTRPC();
  const cohorts = useQuery(trpc.cohort.list.queryOptions());
  return (
    <div className="space-y-6">
      <section className="card" aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading" className="font-semibold">
          Cohorts you teach
        </h2>
        {cohorts.error ? (
          <p className="mt-2 text-sm text-rose-700">{describeActionError(cohorts.error)}</p>
        ) : !cohorts.data ? (
          <p className="mt-2 text-sm text-slate-500">Loading your cohorts…</p>
        ) : cohorts.data.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">You teach no cohort yet. Create one below, then share its invite link with your learners.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {cohorts.data.map((cohort) => (
              <CohortRow key={cohort.id} cohort={cohort} />
            ))}
          </ul>
        )}
      </section>
      <CreateCohortForm />
    </div>
  );
}
