"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { describeActionError } from "~/components/instructor/describe-action-error";
import { useTRPC } from "~/trpc/react";

import { positionBetween } from "./board-columns";
import type { BoardCard, TaskMove } from "./task-board";
import { TaskBoard } from "./task-board";
import { TaskDialog } from "./task-dialog";
import { TaskForm } from "./task-form";
import type { BoardData, TeamDetail } from "./types";

/** Moves the task in a copy of the board, where the server will put it: what the mover sees at once. */
function placeTask(board: BoardData, move: TaskMove): BoardData {
  const task = board.columns.flatMap((column) => column.tasks).find((t) => t.id === move.taskId);
  if (!task) return board;
  const target = board.columns.find((column) => column.status === move.status)!.tasks.filter((t) => t.id !== move.taskId);
  const beforeIndex = move.beforeTaskId ? target.findIndex((t) => t.id === move.beforeTaskId) : target.length;
  const index = beforeIndex < 0 ? target.length : beforeIndex;
  const position = positionBetween(target[index - 1]?.position ?? null, target[index]?.position ?? null);
  const moved = { ...task, status: move.status, position };
  return {
    ...board,
    columns: board.columns.map((column) => {
      const others = column.tasks.filter((t) => t.id !== move.taskId);
      if (column.status !== move.status) return { ...column, tasks: others };
      return { ...column, tasks: [...others.slice(0, index), moved, ...others.slice(index)] };
    }),
  };
}

/** The live board of a team: its members move and edit tasks; an instructor reads it. */
export function TeamBoardView({ team }: { team: TeamDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const boardKey = trpc.team.board.queryKey({ teamId: team.id });
  const { data: board } = useQuery(trpc.team.board.queryOptions({ teamId: team.id }));
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const canEdit = team.viewerIsMember;

  const move = useMutation(
    trpc.team.moveTask.mutationOptions({
      onMutate: async (input) => {
        setMoveError(null);
        await queryClient.cancelQueries({ queryKey: boardKey });
        const previous = queryClient.getQueryData<BoardData>(boardKey);
        if (previous) queryClient.setQueryData(boardKey, placeTask(previous, input));
        return { previous };
      },
      onError: (error, _input, context) => {
        if (context?.previous) queryClient.setQueryData(boardKey, context.previous);
        setMoveError(describeActionError(error));
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: boardKey }),
    }),
  );

  if (!board) return <p className="text-sm text-slate-600">Loading the board…</p>;
  const names = new Map(team.members.map((member) => [member.id, member.name]));
  const milestoneTitles = new Map(team.milestones.map((milestone) => [milestone.key, milestone.title]));
  const tasks = board.columns.flatMap((column) => column.tasks);
  const cards: BoardCard[] = tasks.map((task) => ({
    id: task.id,
    title: task.title,
    status: task.status,
    position: task.position,
    assigneeName: task.assigneeId ? (names.get(task.assigneeId) ?? "A former member") : null,
    dueAt: task.dueAt,
    milestoneTitle: task.milestoneKey ? (milestoneTitles.get(task.milestoneKey) ?? task.milestoneKey) : null,
    commentCount: task.commentCount,
  }));
  const openTask = tasks.find((task) => task.id === openTaskId) ?? null;

  return (
    <div className="space-y-4">
      {canEdit && <TaskForm team={team} />}
      {moveError && (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {moveError}
        </p>
      )}
      {tasks.length === 0 && <p className="text-sm text-slate-600">The board is empty. {canEdit ? "Add the first task above: split the milestone's work between you." : ""}</p>}
      <TaskBoard
        cards={cards}
        canMove={canEdit}
        onOpen={setOpenTaskId}
        onMove={(target) => {
          const task = tasks.find((t) => t.id === target.taskId);
          if (task) move.mutate({ ...target, version: task.version });
        }}
      />
      {openTask && <TaskDialog team={team} task={openTask} canEdit={canEdit} onClose={() => setOpenTaskId(null)} />}
    </div>
  );
}
