import type { TeamDetail } from "./types";

export type TaskFieldValues = { title: string; description: string; assigneeId: string; dueDate: string; milestoneKey: string };

export const TASK_TITLE_MAX = 200;
export const TASK_DESCRIPTION_MAX = 4000;

/** A date input's value (yyyy-mm-dd) as the end of that day, local time: a task due "on the 12th" is due all day. */
export function dueAtFromInput(value: string): Date | null {
  return value ? new Date(`${value}T23:59:59`) : null;
}

export function inputFromDueAt(dueAt: Date | null) {
  if (!dueAt) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${dueAt.getFullYear()}-${pad(dueAt.getMonth() + 1)}-${pad(dueAt.getDate())}`;
}

/** The task's inputs as the API takes them. */
export function toTaskInput(values: TaskFieldValues) {
  return {
    title: values.title.trim(),
    description: values.description,
    assigneeId: values.assigneeId || null,
    dueAt: dueAtFromInput(values.dueDate),
    milestoneKey: values.milestoneKey || null,
  };
}

type TaskFieldsProps = { idPrefix: string; team: TeamDetail; values: TaskFieldValues; onChange: (values: TaskFieldValues) => void; isDisabled?: boolean };

/** Title, description, assignee, due date and milestone: the same inputs to create and to edit a task. */
export function TaskFields({ idPrefix, team, values, onChange, isDisabled = false }: TaskFieldsProps) {
  const set = (change: Partial<TaskFieldValues>) => onChange({ ...values, ...change });
  return (
    <fieldset disabled={isDisabled} className="grid min-w-0 gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <label className="label" htmlFor={`${idPrefix}-title`}>
          Title
        </label>
        <input id={`${idPrefix}-title`} className="field" required maxLength={TASK_TITLE_MAX} value={values.title} onChange={(event) => set({ title: event.target.value })} />
      </div>
      <div className="sm:col-span-2">
        <label className="label" htmlFor={`${idPrefix}-description`}>
          Description
        </label>
        <textarea id={`${idPrefix}-description`} className="field" rows={3} maxLength={TASK_DESCRIPTION_MAX} value={values.description} onChange={(event) => set({ description: event.target.value })} />
      </div>
      <div>
        <label className="label" htmlFor={`${idPrefix}-assignee`}>
          Assignee
        </label>
        <select id={`${idPrefix}-assignee`} className="field" value={values.assigneeId} onChange={(event) => set({ assigneeId: event.target.value })}>
          <option value="">Unassigned</option>
          {team.members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor={`${idPrefix}-due`}>
          Due date
        </label>
        <input id={`${idPrefix}-due`} type="date" className="field" value={values.dueDate} onChange={(event) => set({ dueDate: event.target.value })} />
      </div>
      <div className="sm:col-span-2">
        <label className="label" htmlFor={`${idPrefix}-milestone`}>
          Milestone
        </label>
        <select id={`${idPrefix}-milestone`} className="field" value={values.milestoneKey} onChange={(event) => set({ milestoneKey: event.target.value })}>
          <option value="">None</option>
          {team.milestones.map((milestone) => (
            <option key={milestone.key} value={milestone.key}>
              {milestone.title}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
