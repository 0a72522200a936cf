import type { Db } from "@academy/db";
import { and, asc, desc, eq, lt, ne, schema, sql, withTransaction } from "@academy/db";

import { DomainError } from "../domain-error";
import { recordTeamChange } from "./record-team-change";
import { findMemberTeam, findViewableTeam, type TeamRow, type TeamViewer } from "./team-access";

export const TASK_STATUSES = ["todo", "doing", "review", "done"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
const STATUS_LABELS: Record<TaskStatus, string> = { todo: "To do", doing: "Doing", review: "Review", done: "Done" };

/** Below this gap between neighbours a column is renumbered, long before doubles lose precision. */
const MIN_POSITION_GAP = 1e-6;

const taskColumns = {
  id: schema.task.id,
  title: schema.task.title,
  description: schema.task.description,
  status: schema.task.status,
  position: schema.task.position,
  version: schema.task.version,
  assigneeId: schema.task.assigneeId,
  dueAt: schema.task.dueAt,
  milestoneId: schema.task.milestoneId,
  createdBy: schema.task.createdBy,
  createdAt: schema.task.createdAt,
  updatedAt: schema.task.updatedAt,
};

/** Every task of the team, column by column in board order, with its milestone's key and its comment count. */
export async function getBoard(db: Db, input: { teamId: string; viewer: TeamViewer }) {
  const { team } = await findViewableTeam(db, input.teamId, input.viewer);
  const tasks = await db
    .select({
      ...taskColumns,
      milestoneKey: schema.milestone.key,
      commentCount: sql<number>`(select count(*)::int from ${schema.taskComment} where ${schema.taskComment.taskId} = ${schema.task.id})`,
    })
    .from(schema.task)
    .leftJoin(schema.milestone, eq(schema.milestone.id, schema.task.milestoneId))
    .where(eq(schema.task.teamId, team.id))
    .orderBy(asc(schema.task.status), asc(schema.task.position));
  return { teamId: team.id, columns: TASK_STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], tasks: tasks.filter((t) => t.status === status) })) };
}

/** Every board change of a team runs under this row lock, so concurrent moves see each other's positions. */
async function lockBoard(tx: Db, teamId: string) {
  await tx.execute(sql`select 1 from ${schema.team} where ${schema.team.id} = ${teamId} for update`);
}

async function assertAssignable(db: Db, teamId: string, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const [member] = await db.select({ userId: schema.teamMembership.userId }).from(schema.teamMembership).where(and(eq(schema.teamMembership.teamId, teamId), eq(schema.teamMembership.userId, assigneeId)));
  if (!member) throw new DomainError("BAD_REQUEST", "A task can be assigned only to a member of the team.");
}

async function findMilestoneId(db: Db, team: TeamRow, milestoneKey: string | null | undefined) {
  if (milestoneKey === undefined) return undefined;
  if (milestoneKey === null) return null;
  const [row] = await db.select({ id: schema.milestone.id }).from(schema.milestone).where(and(eq(schema.milestone.projectId, team.projectId), eq(schema.milestone.key, milestoneKey)));
  if (!row) throw new DomainError("BAD_REQUEST", `This project has no milestone "${milestoneKey}".`);
  return row.id;
}

export type CreateTaskInput = {
  teamId: string;
  title: string;
  description?: string;
  status?: TaskStatus;
  assigneeId?: string | null;
  dueAt?: Date | null;
  milestoneKey?: string | null;
  viewer: TeamViewer;
};

export async function createTask(db: Db, input: CreateTaskInput) {
  const team = await findMemberTeam(db, input.teamId, input.viewer);
  await assertAssignable(db, team.id, input.assigneeId);
  const milestoneId = await findMilestoneId(db, team, input.milestoneKey);
  const status = input.status ?? "todo";
  return withTransaction(db, async (tx) => {
    await lockBoard(tx, team.id);
    const [task] = await tx
      .insert(schema.task)
      .values({
        teamId: team.id,
        title: input.title.trim(),
        description: input.description ?? "",
        status,
        assigneeId: input.assigneeId ?? null,
        dueAt: input.dueAt ?? null,
        milestoneId: milestoneId ?? null,
        position: endOfColumnSql(team.id, status),
        createdBy: input.viewer.id,
      })
      .returning(taskColumns);
    await recordTeamChange(tx, { teamId: team.id, kind: "task.created", actorId: input.viewer.id, taskId: task!.id, version: task!.version, summary: `created “${task!.title}”` });
    return task!;
  });
}

/** Locks the task and refuses a change based on an older version, naming what changed it since. */
async function lockCurrentTask(tx: Db, taskId: string, expectedVersion: number) {
  const [task] = await tx.select(taskColumns).from(schema.task).where(eq(schema.task.id, taskId)).for("update");
  if (!task) throw new DomainError("NOT_FOUND", "This task does not exist (it may have been deleted).");
  if (task.version !== expectedVersion) {
    throw new DomainError("CONFLICT", `Someone changed “${task.title}” meanwhile (it is now in ${STATUS_LABELS[task.status]}): your board has been refreshed, try again.`);
  }
  return task;
}

export type UpdateTaskInput = {
  taskId: string;
  version: number;
  title?: string;
  description?: string;
  assigneeId?: string | null;
  dueAt?: Date | null;
  milestoneKey?: string | null;
  viewer: TeamViewer;
};

export async function updateTask(db: Db, input: UpdateTaskInput) {
  const team = await findMemberTeam(db, { taskId: input.taskId }, input.viewer);
  await assertAssignable(db, team.id, input.assigneeId);
  const milestoneId = await findMilestoneId(db, team, input.milestoneKey);
  return withTransaction(db, async (tx) => {
    const current = await lockCurrentTask(tx, input.taskId, input.version);
    const [task] = await tx
      .update(schema.task)
      .set({
        title: input.title?.trim() ?? current.title,
        description: input.description ?? current.description,
        assigneeId: input.assigneeId === undefined ? current.assigneeId : input.assigneeId,
        dueAt: input.dueAt === undefined ? current.dueAt : input.dueAt,
        milestoneId: milestoneId === undefined ? current.milestoneId : milestoneId,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(schema.task.id, current.id))
      .returning(taskColumns);
    const assigned = input.assigneeId !== undefined && input.assigneeId !== current.assigneeId;
    await recordTeamChange(tx, {
      teamId: team.id,
      kind: assigned ? "task.assigned" : "task.updated",
      actorId: input.viewer.id,
      taskId: task!.id,
      version: task!.version,
      summary: assigned ? `assigned “${task!.title}”` : `edited “${task!.title}”`,
      detail: assigned ? { assigneeId: task!.assigneeId } : {},
    });
    return task!;
  });
}

/** Renumbers a column 0, 1, 2 … in its current order (rare: only when neighbours' positions got too close). */
async function renumberColumn(tx: Db, teamId: string, status: TaskStatus) {
  await tx.execute(sql`
    update ${schema.task} set position = ordered.n
    from (select id, row_number() over (order by position, id) - 1 as n from ${schema.task} where team_id = ${teamId} and status = ${status}) ordered
    where ${schema.task.id} = ordered.id`);
}

/** The end of a column (but for the task being moved), computed in the statement that puts a task there: one round trip less under the board's lock. */
function endOfColumnSql(teamId: string, status: TaskStatus, movingTaskId?: string) {
  const except = movingTaskId ? sql` and ${schema.task.id} <> ${movingTaskId}` : sql``;
  return sql<number>`(select coalesce(max(${schema.task.position}) + 1, 0) from ${schema.task} where ${schema.task.teamId} = ${teamId} and ${schema.task.status} = ${status}${except})`;
}

/** The position just before `beforeTaskId` in the column, between it and its neighbour above; null when they are too close to split. */
async function positionBefore(tx: Db, teamId: string, status: TaskStatus, movingTaskId: string, beforeTaskId: string): Promise<number | null> {
  const [before] = await tx.select({ position: schema.task.position, status: schema.task.status, teamId: schema.task.teamId }).from(schema.task).where(eq(schema.task.id, beforeTaskId));
  if (!before || before.teamId !== teamId || before.status !== status) {
    throw new DomainError("CONFLICT", "The task you dropped next to has moved meanwhile: your board has been refreshed, try again.");
  }
  const [previous] = await tx
    .select({ position: schema.task.position })
    .from(schema.task)
    .where(and(eq(schema.task.teamId, teamId), eq(schema.task.status, status), lt(schema.task.position, before.position), ne(schema.task.id, movingTaskId)))
    .orderBy(desc(schema.task.position))
    .limit(1);
  if (!previous) return before.position - 1;
  if (before.position - previous.position < MIN_POSITION_GAP) return null;
  return (previous.position + before.position) / 2;
}

async function placeBefore(tx: Db, teamId: string, status: TaskStatus, movingTaskId: string, beforeTaskId: string) {
  const position = await positionBefore(tx, teamId, status, movingTaskId, beforeTaskId);
  if (position !== null) return position;
  await renumberColumn(tx, teamId, status);
  return (await positionBefore(tx, teamId, status, movingTaskId, beforeTaskId))!;
}

/**
 * Moves a task to a column, before another task or at the end. Moves of one team run one at a time
 * (the board's row lock), each placing the task between its new neighbours as they are then, so two
 * members moving different tasks at once both land where they meant; a move of a task someone else
 * changed since the mover last saw it is refused (its version), never applied over theirs.
 */
export async function moveTask(db: Db, input: { taskId: string; version: number; status: TaskStatus; beforeTaskId: string | null; viewer: TeamViewer }) {
  const team = await findMemberTeam(db, { taskId: input.taskId }, input.viewer);
  if (input.beforeTaskId === input.taskId) throw new DomainError("BAD_REQUEST", "A task cannot be placed before itself.");
  return withTransaction(db, async (tx) => {
    await lockBoard(tx, team.id);
    const current = await lockCurrentTask(tx, input.taskId, input.version);
    const position = input.beforeTaskId ? await placeBefore(tx, team.id, input.status, current.id, input.beforeTaskId) : endOfColumnSql(team.id, input.status, current.id);
    const [task] = await tx
      .update(schema.task)
      .set({ status: input.status, position, version: current.version + 1, updatedAt: new Date() })
      .where(eq(schema.task.id, current.id))
      .returning(taskColumns);
    const summary = current.status === input.status ? `reordered “${task!.title}” in ${STATUS_LABELS[input.status]}` : `moved “${task!.title}” from ${STATUS_LABELS[current.status]} to ${STATUS_LABELS[input.status]}`;
    await recordTeamChange(tx, { teamId: team.id, kind: "task.moved", actorId: input.viewer.id, taskId: task!.id, version: task!.version, summary, detail: { from: current.status, to: input.status } });
    return task!;
  });
}

export const TASK_COMMENT_MAX_LENGTH = 4000;

export async function addTaskComment(db: Db, input: { taskId: string; body: string; viewer: TeamViewer }) {
  const team = await findMemberTeam(db, { taskId: input.taskId }, input.viewer);
  const body = input.body.trim();
  if (!body) throw new DomainError("BAD_REQUEST", "Write something before posting the comment.");
  return withTransaction(db, async (tx) => {
    const [comment] = await tx
      .insert(schema.taskComment)
      .values({ taskId: input.taskId, authorId: input.viewer.id, body })
      .returning({ id: schema.taskComment.id, taskId: schema.taskComment.taskId, authorId: schema.taskComment.authorId, body: schema.taskComment.body, createdAt: schema.taskComment.createdAt });
    const [task] = await tx.select({ title: schema.task.title }).from(schema.task).where(eq(schema.task.id, input.taskId));
    await recordTeamChange(tx, { teamId: team.id, kind: "task.commented", actorId: input.viewer.id, taskId: input.taskId, summary: `commented on “${task?.title ?? ""}”` });
    return comment!;
  });
}

export async function listTaskComments(db: Db, input: { taskId: string; viewer: TeamViewer }) {
  await findViewableTeam(db, { taskId: input.taskId }, input.viewer);
  return db
    .select({ id: schema.taskComment.id, authorId: schema.taskComment.authorId, authorName: schema.user.name, body: schema.taskComment.body, createdAt: schema.taskComment.createdAt })
    .from(schema.taskComment)
    .leftJoin(schema.user, eq(schema.user.id, schema.taskComment.authorId))
    .where(eq(schema.taskComment.taskId, input.taskId))
    .orderBy(asc(schema.taskComment.createdAt));
}

/** The team's feed, newest first; `before` pages back. */
export async function listTeamActivity(db: Db, input: { teamId: string; limit: number; before?: Date; viewer: TeamViewer }) {
  const { team } = await findViewableTeam(db, input.teamId, input.viewer);
  return db
    .select({ id: schema.teamActivity.id, kind: schema.teamActivity.kind, summary: schema.teamActivity.summary, actorId: schema.teamActivity.actorId, actorName: schema.user.name, detail: schema.teamActivity.detail, createdAt: schema.teamActivity.createdAt })
    .from(schema.teamActivity)
    .leftJoin(schema.user, eq(schema.user.id, schema.teamActivity.actorId))
    .where(and(eq(schema.teamActivity.teamId, team.id), input.before ? lt(schema.teamActivity.createdAt, input.before) : undefined))
    .orderBy(desc(schema.teamActivity.createdAt))
    .limit(input.limit);
}

