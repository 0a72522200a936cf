"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { ActionError } from "~/components/instructor/describe-action-error";
import { useTRPC } from "~/trpc/react";

import { inputFromDueAt } from "./task-fields";

export const TEAM_SIZE_LIMIT = 12;

/** An instructor sets a team project for the cohort from a template; its milestones' due dates follow the start. */
export function CreateProjectForm({ cohortId }: { cohortId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: templates } = useQuery(trpc.team.templates.queryOptions());
  const [values, setValues] = useState({ exerciseId: "", title: "", startsOn: inputFromDueAt(new Date()), minTeamSize: 2, maxTeamSize: 4, allowsSelfJoin: true });
  const create = useMutation(
    trpc.team.createProject.mutationOptions({
      onSuccess: (project) => {
        void queryClient.invalidateQueries({ queryKey: trpc.team.pathKey() });
        router.push(`/instructor/cohorts/${cohortId}/teams/projects/${project.id}`);
      },
    }),
  );
  const exerciseId = values.exerciseId || templates?.[0]?.id || "";
  return (
    <form
      className="card space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({
          cohortId,
          exerciseId,
          title: values.title.trim() || undefined,
          startsAt: new Date(`${values.startsOn}T00:00:00`),
          minTeamSize: values.minTeamSize,
          maxTeamSize: values.maxTeamSize,
          allowsSelfJoin: values.allowsSelfJoin,
        });
      }}
    >
      <h2 className="font-semibold">New team project</h2>
      <fieldset disabled={create.isPending} className="grid min-w-0 gap-3 sm:grid-cols-2">
        <div>
          <label className="label" htmlFor="project-template">
            Template
          </label>
          <select id="project-template" className="field" value={exerciseId} onChange={(event) => setValues({ ...values, exerciseId: event.target.value })}>
            {templates?.map((template) => (
              <option key={template.id} value={template.id}>
                {template.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="label" htmlFor="project-title">
            Title (optional)
          </label>
          <input id="project-title" className="field" maxLength={200} value={values.title} onChange={(event) => setValues({ ...values, title: event.target.value })} />
        </div>
        <div>
          <label className="label" htmlFor="project-start">
            Starts on
          </label>
          <input id="project-start" type="date" className="field" required value={values.startsOn} onChange={(event) => setValues({ ...values, startsOn: event.target.value })} />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label className="label" htmlFor="project-min">
              Smallest team
            </label>
            <input id="project-min" type="number" min={1} max={TEAM_SIZE_LIMIT} className="field" value={values.minTeamSize} onChange={(event) => setValues({ ...values, minTeamSize: Number(event.target.value) })} />
          </div>
          <div>
            <label className="label" htmlFor="project-max">
              Largest team
            </label>
            <input id="project-max" type="number" min={1} max={TEAM_SIZE_LIMIT} className="field" value={values.maxTeamSize} onChange={(event) => setValues({ ...values, maxTeamSize: Number(event.target.value) })} />
          </div>
        </div>
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" checked={values.allowsSelfJoin} onChange={(event) => setValues({ ...values, allowsSelfJoin: event.target.checked })} />
          Learners may join a team themselves with its code
        </label>
      </fieldset>
      <button type="submit" className="btn-primary" disabled={create.isPending || !exerciseId}>
        {create.isPending ? "Creating…" : "Create the project"}
      </button>
      {templates?.length === 0 && <p className="text-sm text-slate-600">No team-project template is installed.</p>}
      <ActionError error={create.error} />
    </form>
  );
}
