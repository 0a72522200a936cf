"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { ActionError } from "~/components/instructor/describe-action-error";
import { useTRPC } from "~/trpc/react";

type FormationProps = { cohortId: string; projectId: string };

/** Teams of a project: formed by hand or at random, learners moved between them, each team's code for self-joins. */
export function TeamFormation({ cohortId, projectId }: FormationProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.team.projectTeams.queryOptions({ projectId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.team.pathKey() });
  const [teamName, setTeamName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [teamSize, setTeamSize] = useState<number | null>(null);
  const createTeams = useMutation(
    trpc.team.createTeams.mutationOptions({
      onSuccess: () => {
        setTeamName("");
        setChosen([]);
        void refresh();
      },
    }),
  );
  const formRandom = useMutation(trpc.team.formRandomTeams.mutationOptions({ onSuccess: () => void refresh() }));
  const move = useMutation(trpc.team.moveLearner.mutationOptions({ onSuccess: () => void refresh() }));

  if (!data) return <p className="text-sm text-slate-600">Loading the teams…</p>;
  const { project, teams, unassigned } = data;
  const size = teamSize ?? project.maxTeamSize;
  const moveTargets = (currentTeamId: string | null) => teams.filter((team) => team.id !== currentTeamId);

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Teams of {project.minTeamSize === project.maxTeamSize ? project.maxTeamSize : `${project.minTeamSize} to ${project.maxTeamSize}`} learners.{" "}
        {project.allowsSelfJoin ? "Learners may join a team with its code." : "Only you place learners in teams."}
      </p>
      <section aria-labelledby="teams-title" className="space-y-3">
        <h2 id="teams-title" className="text-lg font-semibold">
          Teams ({teams.length})
        </h2>
        {teams.length === 0 && <p className="text-sm text-slate-600">No teams yet: form them below.</p>}
        <ul className="grid gap-4 md:grid-cols-2" data-testid="formation-teams">
          {teams.map((team) => (
            <li key={team.id} className="card space-y-2" data-testid="formation-team">
              <h3 className="font-semibold break-words">
                <Link href={`/instructor/cohorts/${cohortId}/teams/${team.id}`} className="text-brand-700 hover:underline">
                  {team.name}
                </Link>
              </h3>
              {project.allowsSelfJoin && (
                <p className="text-xs text-slate-600">
                  Code <span className="font-mono font-semibold text-slate-800">{team.joinCode}</span>
                </p>
              )}
              {team.members.length === 0 ? (
                <p className="text-sm text-slate-600">No members yet.</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {team.members.map((member) => (
                    <li key={member.id} className="flex flex-wrap items-center gap-2">
                      <span className="min-w-0 flex-1 break-words">{member.name}</span>
                      <MoveSelect learnerName={member.name} targets={moveTargets(team.id)} isDisabled={move.isPending} onMove={(toTeamId) => move.mutate({ projectId, userId: member.id, toTeamId })} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        <ActionError error={move.error} />
      </section>

      <section aria-labelledby="unassigned-title" className="card space-y-3">
        <h2 id="unassigned-title" className="font-semibold">
          Learners in no team ({unassigned.length})
        </h2>
        {unassigned.length === 0 ? (
          <p className="text-sm text-slate-600">Every learner of the cohort is in a team.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {unassigned.map((learner) => (
              <li key={learner.id} className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 flex-1 break-words">{learner.name}</span>
                <MoveSelect learnerName={learner.name} targets={moveTargets(null)} canUnassign={false} isDisabled={move.isPending} onMove={(toTeamId) => move.mutate({ projectId, userId: learner.id, toTeamId })} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        <form
          className="card space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            createTeams.mutate({ projectId, teams: [{ name: teamName.trim(), memberIds: chosen }] });
          }}
        >
          <h2 className="font-semibold">A team by hand</h2>
          <div>
            <label className="label" htmlFor="new-team-name">
              Team name
            </label>
            <input id="new-team-name" className="field" required maxLength={80} value={teamName} onChange={(event) => setTeamName(event.target.value)} />
          </div>
          <fieldset className="min-w-0">
            <legend className="label">Members (learners in no team)</legend>
            {unassigned.length === 0 && <p className="text-sm text-slate-600">None left: the team starts empty and fills by code or by moves.</p>}
            <div className="space-y-1">
              {unassigned.map((learner) => (
                <label key={learner.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={chosen.includes(learner.id)}
                    onChange={(event) => setChosen((current) => (event.target.checked ? [...current, learner.id] : current.filter((id) => id !== learner.id)))}
                  />
                  {learner.name}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="btn-primary" disabled={createTeams.isPending || teamName.trim() === ""}>
            Create the team
          </button>
          <ActionError error={createTeams.error} />
        </form>

        <form
          className="card space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            formRandom.mutate({ projectId, teamSize: size });
          }}
        >
          <h2 className="font-semibold">Teams at random</h2>
          <p className="text-sm text-slate-600">The learners in no team are shuffled into teams of about this size.</p>
          <div>
            <label className="label" htmlFor="random-size">
              Team size
            </label>
            <input
              id="random-size"
              type="number"
              className="field w-28"
              min={project.minTeamSize}
              max={project.maxTeamSize}
              value={size}
              onChange={(event) => setTeamSize(Number(event.target.value))}
            />
          </div>
          <button type="submit" className="btn-primary" disabled={formRandom.isPending || unassigned.length === 0}>
            Form teams at random
          </button>
          <ActionError error={formRandom.error} />
        </form>
      </div>
    </div>
  );
}

type MoveSelectProps = { learnerName: string; targets: { id: string; name: string }[]; isDisabled: boolean; canUnassign?: boolean; onMove: (toTeamId: string | null) => void };

/** Moves one learner: into another team, or out of every team. */
function MoveSelect({ learnerName, targets, isDisabled, canUnassign = true, onMove }: MoveSelectProps) {
  return (
    <select
      aria-label={`Move ${learnerName}`}
      className="field w-auto py-1"
      value=""
      disabled={isDisabled}
      onChange={(event) => {
        const value = event.target.value;
        if (value) onMove(value === "none" ? null : value);
      }}
    >
      <option value="">Move to…</option>
      {targets.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
      {canUnassign && <option value="none">No team</option>}
    </select>
  );
}
