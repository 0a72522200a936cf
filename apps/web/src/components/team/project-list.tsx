"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "~/trpc/react";

import { ProjectOverview } from "./project-overview";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/** The cohort's team projects, each with its teams at a glance and the way to form them. */
export function ProjectList({ cohortId }: { cohortId: string }) {
  const trpc = useTRPC();
  const { data: projects } = useQuery(trpc.team.projects.queryOptions({ cohortId }));
  if (!projects) return <p className="text-sm text-slate-600">Loading the projects…</p>;
  if (projects.length === 0) return <p className="card text-slate-700">No team project yet: create one from a template below.</p>;
  return (
    <ul className="space-y-4" data-testid="project-list">
      {projects.map((project) => (
        <li key={project.id} className="card space-y-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h2 className="min-w-0 font-semibold break-words">{project.title}</h2>
            <span className="text-sm text-slate-600">
              from {dateFormat.format(project.startsAt)} · teams of {project.minTeamSize}–{project.maxTeamSize}
              {project.allowsSelfJoin ? " · self-join on" : ""}
            </span>
            <Link href={`/instructor/cohorts/${cohortId}/teams/projects/${project.id}`} className="btn-secondary ml-auto px-3 py-1">
              Form teams
            </Link>
          </div>
          <ProjectOverview cohortId={cohortId} projectId={project.id} />
        </li>
      ))}
    </ul>
  );
}
