"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ActionError } from "~/components/instructor/describe-action-error";
import { useTRPC } from "~/trpc/react";

import type { TaskFieldValues } from "./task-fields";
import { TaskFields, toTaskInput } from "./task-fields";
import type { TeamDetail } from "./types";

const EMPTY: TaskFieldValues = { title: "", description: "", assigneeId: "", dueDate: "", milestoneKey: "" };

/** Adds a task to the board's To do column. */
export function TaskForm({ team }: { team: TeamDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const create = useMutation(
    trpc.team.createTask.mutationOptions({
      onSuccess: () => {
        setValues(EMPTY);
        void queryClient.invalidateQueries({ queryKey: trpc.team.board.queryKey({ teamId: team.id }) });
      },
    }),
  );
  return (
    <details className="card p-4">
      <summary className="cursor-pointer font-medium">Add a task</summary>
      <form
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ teamId: team.id, ...toTaskInput(values) });
        }}
      >
        <TaskFields idPrefix="new-task" team={team} values={values} onChange={setValues} isDisabled={create.isPending} />
        <button type="submit" className="btn-primary" disabled={create.isPending || values.title.trim() === ""}>
          {create.isPending ? "Adding…" : "Add to To do"}
        </button>
        <ActionError error={create.error} />
      </form>
    </details>
  );
}
