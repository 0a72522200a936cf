"use client";

import type { DragEndEvent, DragOverEvent, DragStartEvent } from "@dnd-kit/core";
import { closestCorners, DndContext, KeyboardSensor, PointerSensor, useDroppable, useSensor, useSensors } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useMemo, useState } from "react";

import type { Columns, TaskStatus } from "./board-columns";
import { findColumn, groupIntoColumns, neighboursAt, STATUS_LABEL, TASK_STATUSES } from "./board-columns";

export type BoardCard = {
  id: string;
  title: string;
  status: TaskStatus;
  position: number;
  assigneeName: string | null;
  dueAt: Date | null;
  milestoneTitle: string | null;
  commentCount: number;
};

export type TaskMove = { taskId: string; status: TaskStatus; beforeTaskId: string | null };

type TaskBoardProps = {
  cards: BoardCard[];
  canMove: boolean;
  onMove: (move: TaskMove) => void;
  onOpen: (taskId: string) => void;
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

/**
 * The board's four columns. A card moves by its handle, with a pointer or from the keyboard
 * (Space to pick up, arrows to move, Space to drop, Escape to cancel). While a card is dragged the
 * board shows the drag's own order; the server's answer (and teammates' changes) replace it after.
 */
export function TaskBoard({ cards, canMove, onMove, onOpen }: TaskBoardProps) {
  const byId = useMemo(() => new Map(cards.map((card) => [card.id, card])), [cards]);
  const settled = useMemo(() => groupIntoColumns(cards), [cards]);
  const [dragging, setDragging] = useState<{ id: string; columns: Columns; from: TaskStatus } | null>(null);
  const columns = dragging?.columns ?? settled;
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the handle is still a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    const from = findColumn(settled, String(active.id));
    if (from) setDragging({ id: String(active.id), columns: settled, from });
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const taskId = String(active.id);
    setDragging((current) => {
      if (!current) return current;
      const from = findColumn(current.columns, taskId);
      const to = findColumn(current.columns, String(over.id));
      if (!from || !to || from === to) return current;
      const target = current.columns[to];
      const overIndex = target.indexOf(String(over.id));
      const index = overIndex >= 0 ? overIndex : target.length;
      return { ...current, columns: { ...current.columns, [from]: current.columns[from].filter((id) => id !== taskId), [to]: [...target.slice(0, index), taskId, ...target.slice(index)] } };
    });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const state = dragging;
    setDragging(null);
    if (!state || !over) return;
    const taskId = String(active.id);
    const status = findColumn(state.columns, taskId);
    if (!status) return;
    let column = state.columns[status];
    const overIndex = column.indexOf(String(over.id));
    if (overIndex >= 0) column = arrayMove(column, column.indexOf(taskId), overIndex);
    const before = settled[state.from];
    if (status === state.from && column.join() === before.join()) return;
    onMove({ taskId, status, beforeTaskId: neighboursAt(column, taskId).beforeTaskId });
  };

  return (
    <DndContext
      id="team-board"
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ screenReaderInstructions: { draggable: "To move a task, press Space or Enter on its handle, use the arrow keys to move it, and press Space or Enter again to drop it, or Escape to cancel." } }}
    >
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="task-board">
        {TASK_STATUSES.map((status) => (
          <BoardColumn key={status} status={status} ids={columns[status]}>
            {columns[status].map((id) => {
              const card = byId.get(id);
              return card ? <TaskCard key={id} card={card} canMove={canMove} onOpen={onOpen} /> : null;
            })}
          </BoardColumn>
        ))}
      </div>
    </DndContext>
  );
}

function BoardColumn({ status, ids, children }: { status: TaskStatus; ids: string[]; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const headingId = `column-${status}`;
  return (
    <section aria-labelledby={headingId} data-testid={`column-${status}`} className={`min-w-0 rounded-lg border bg-slate-100/70 p-3 ${isOver ? "border-brand-500" : "border-slate-200"}`}>
      <h3 id={headingId} className="mb-2 flex items-center justify-between text-sm font-semibold text-slate-700">
        {STATUS_LABEL[status]}
        <span className="rounded-full bg-white px-2 text-xs font-normal text-slate-600">{ids.length}</span>
      </h3>
      <SortableContext id={status} items={ids} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="min-h-16 space-y-2">
          {children}
        </ul>
      </SortableContext>
    </section>
  );
}

function TaskCard({ card, canMove, onOpen }: { card: BoardCard; canMove: boolean; onOpen: (taskId: string) => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled: !canMove });
  const isOverdue = card.dueAt !== null && card.status !== "done" && card.dueAt.getTime() < Date.now();
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="task-card"
      data-task-id={card.id}
      data-status={card.status}
      className={`flex gap-2 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm ${isDragging ? "opacity-60 ring-2 ring-brand-500" : ""}`}
    >
      {canMove && (
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="mt-0.5 h-7 w-6 shrink-0 cursor-grab touch-none rounded text-slate-500 hover:bg-slate-100 focus:ring-2 focus:ring-brand-500 focus:outline-none"
          {...attributes}
          {...listeners}
          aria-label={`Move task: ${card.title}`}
          data-testid="task-handle"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="mx-auto size-4" fill="currentColor">
            <circle cx="7" cy="5" r="1.5" />
            <circle cx="13" cy="5" r="1.5" />
            <circle cx="7" cy="10" r="1.5" />
            <circle cx="13" cy="10" r="1.5" />
            <circle cx="7" cy="15" r="1.5" />
            <circle cx="13" cy="15" r="1.5" />
          </svg>
        </button>
      )}
      <div className="min-w-0 flex-1 space-y-1">
        <button type="button" className="block w-full text-left font-medium break-words text-slate-900 hover:underline" onClick={() => onOpen(card.id)}>
          {card.title}
        </button>
        <p className="flex flex-wrap gap-x-2 gap-y-1 text-xs text-slate-600">
          <span>{card.assigneeName ?? "Unassigned"}</span>
          {card.dueAt && <span className={isOverdue ? "font-medium text-rose-700" : ""}>{isOverdue ? "overdue · " : "due "}{dateFormat.format(card.dueAt)}</span>}
          {card.milestoneTitle && <span className="rounded bg-brand-50 px-1.5 text-brand-700">{card.milestoneTitle}</span>}
          {card.commentCount > 0 && <span>{card.commentCount} comment{card.commentCount === 1 ? "" : "s"}</span>}
        </p>
      </div>
    </li>
  );
}
