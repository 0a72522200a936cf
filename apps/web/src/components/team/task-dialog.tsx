"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { ActionError } from "~/components/instructor/describe-action-error";
import { formatTime } from "~/components/practice/format";
import { useTRPC } from "~/trpc/react";

import { STATUS_LABEL, TASK_STATUSES } from "./board-columns";
import { inputFromDueAt, TaskFields, toTaskInput } from "./task-fields";
import type { BoardTask, TeamDetail } from "./types";

export const TASK_COMMENT_MAX = 4000;

type TaskDialogProps = { team: TeamDetail; task: BoardTask; canEdit: boolean; onClose: () => void };

/** A task's details: its fields (edited against the version shown), its column, and its comments. */
export function TaskDialog({ team, task, canEdit, onClose }: TaskDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState(() => ({
    title: task.title,
    description: task.description,
    assigneeId: task.assigneeId ?? "",
    dueDate: inputFromDueAt(task.dueAt),
    milestoneKey: task.milestoneKey ?? "",
  }));
  // The version the member started from: a teammate's change since is refused on save, not overwritten.
  const [baseVersion] = useState(task.version);
  const [comment, setComment] = useState("");
  const refreshBoard = () => queryClient.invalidateQueries({ queryKey: trpc.team.board.queryKey({ teamId: team.id }) });
  const comments = useQuery(trpc.team.comments.queryOptions({ taskId: task.id }));
  const update = useMutation(trpc.team.updateTask.mutationOptions({ onSuccess: () => void refreshBoard(), onError: () => void refreshBoard() }));
  const move = useMutation(trpc.team.moveTask.mutationOptions({ onSettled: () => void refreshBoard() }));
  const addComment = useMutation(
    trpc.team.addComment.mutationOptions({
      onSuccess: () => {
        setComment("");
        void queryClient.invalidateQueries({ queryKey: trpc.team.comments.queryKey({ taskId: task.id }) });
        void refreshBoard();
      },
    }),
  );

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby="task-dialog-title"
      onClose={onClose}
      data-testid="task-dialog"
      className="m-auto w-[calc(100%-2rem)] max-w-2xl rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <div className="flex items-start gap-3">
          <h2 id="task-dialog-title" className="min-w-0 flex-1 text-lg font-semibold break-words">
            {task.title}
          </h2>
          <button type="button" className="btn-secondary px-3 py-1" onClick={() => ref.current?.close()}>
            Close
          </button>
        </div>
        {canEdit ? (
          <>
            <form
              className="space-y-3"
              onSubmit={(event) => {
                event.preventDefault();
                update.mutate({ taskId: task.id, version: baseVersion, ...toTaskInput(values) });
              }}
            >
              <TaskFields idPrefix="edit-task" team={team} values={values} onChange={setValues} isDisabled={update.isPending} />
              <button type="submit" className="btn-primary" disabled={update.isPending || values.title.trim() === ""}>
                {update.isPending ? "Saving…" : "Save the task"}
              </button>
              {update.isSuccess && <p className="text-sm text-emerald-700">Saved.</p>}
              <ActionError error={update.error} />
            </form>
            <div>
              <label className="label" htmlFor="task-column">
                Column
              </label>
              <select
                id="task-column"
                className="field sm:w-48"
                value={task.status}
                disabled={move.isPending}
                onChange={(event) => move.mutate({ taskId: task.id, version: task.version, status: event.target.value as BoardTask["status"], beforeTaskId: null })}
              >
                {TASK_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABEL[status]}
                  </option>
                ))}
              </select>
              <ActionError error={move.error} />
            </div>
          </>
        ) : (
          <div className="space-y-1 text-sm">
            <p className="whitespace-pre-wrap">{task.description || "No description."}</p>
            <p className="text-slate-600">Column: {STATUS_LABEL[task.status]}</p>
          </div>
        )}
        <section aria-labelledby="task-comments-title" className="space-y-2">
          <h3 id="task-comments-title" className="font-medium">
            Comments
          </h3>
          {comments.data?.length === 0 && <p className="text-sm text-slate-600">No comments yet.</p>}
          <ul className="space-y-2">
            {comments.data?.map((entry) => (
              <li key={entry.id} className="rounded-md bg-slate-50 p-2 text-sm" data-testid="task-comment">
                <p className="text-xs text-slate-600">
                  {entry.authorName ?? "A former member"} · {formatTime(entry.createdAt)}
                </p>
                <p className="whitespace-pre-wrap break-words">{entry.body}</p>
              </li>
            ))}
          </ul>
          {canEdit && (
            <form
              className="space-y-2"
              onSubmit={(event) => {
                event.preventDefault();
                addComment.mutate({ taskId: task.id, body: comment });
              }}
            >
              <label className="label" htmlFor="task-comment">
                Add a comment
              </label>
              <textarea id="task-comment" className="field" rows={2} maxLength={TASK_COMMENT_MAX} value={comment} onChange={(event) => setComment(event.target.value)} />
              <button type="submit" className="btn-secondary" disabled={addComment.isPending || comment.trim() === ""}>
                Post comment
              </button>
              <ActionError error={addComment.error} />
            </form>
          )}
        </section>
      </div>
    </dialog>
  );
}
