export const TASK_STATUSES = ["todo", "doing", "review", "done"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const STATUS_LABEL: Record<TaskStatus, string> = { todo: "To do", doing: "Doing", review: "Review", done: "Done" };

export type Columns = Record<TaskStatus, string[]>;

type Placed = { id: string; status: TaskStatus; position: number };

/** Each column's task ids in board order. */
export function groupIntoColumns(tasks: Placed[]): Columns {
  const sorted = [...tasks].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  return Object.fromEntries(TASK_STATUSES.map((status) => [status, sorted.filter((task) => task.status === status).map((task) => task.id)])) as Columns;
}

export function findColumn(columns: Columns, id: string): TaskStatus | null {
  if ((TASK_STATUSES as readonly string[]).includes(id)) return id as TaskStatus;
  return TASK_STATUSES.find((status) => columns[status].includes(id)) ?? null;
}

/** Where a task dropped at `index` of a column sits: between its new neighbours (ids of the column's other tasks). */
export function neighboursAt(column: string[], taskId: string) {
  const index = column.indexOf(taskId);
  return { afterTaskId: index > 0 ? column[index - 1]! : null, beforeTaskId: index >= 0 && index < column.length - 1 ? column[index + 1]! : null };
}

/** A position strictly between the neighbours' (fractional, so a move changes one row). */
export function positionBetween(previous: number | null, next: number | null) {
  if (previous === null && next === null) return 1;
  if (previous === null) return next! - 1;
  if (next === null) return previous + 1;
  return (previous + next) / 2;
}
