"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";

import { ActionError } from "~/components/instructor/describe-action-error";
import { useTRPC } from "~/trpc/react";

import { toDateTimeLocal } from "./format-exam-time";

type Learner = { id: string; name: string; email: string };

export type ExamSettingsValues = { title: string; opensAt: Date; closesAt: Date; durationMinutes: number; extraTime: { userId: string; minutes: number }[] };

type Props = {
  cohortId: string;
  learners: Learner[];
  /** Editing a scheduled exam (before it opens) rather than scheduling a new one. */
  existing?: { examId: string; values: ExamSettingsValues };
  defaultDurationMinutes: number;
};

const HOUR = 3_600_000;

const subscribeToNothing = () => () => undefined;

function readDate(value: string): Date | null {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date : null;
}

type LabelledInputProps = { id: string; label: string; type: "datetime-local" | "number"; value: string; onChange: (value: string) => void; min?: number; max?: number };

function LabelledInput({ id, label, onChange, ...input }: LabelledInputProps) {
  return (
    <div>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="field" required onChange={(e) => onChange(e.target.value)} {...input} />
    </div>
  );
}

/** The schedule (or edit) form: title, window, duration and each learner's extra minutes. */
export function ScheduleExamForm({ cohortId, learners, existing, defaultDurationMinutes }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [defaults] = useState(() => {
    if (existing) return existing.values;
    const now = new Date();
    return { title: "", opensAt: now, closesAt: new Date(now.getTime() + 2 * HOUR), durationMinutes: defaultDurationMinutes, extraTime: [] };
  });
  const [title, setTitle] = useState(defaults.title);
  // datetime-local shows the browser's time zone, which the server does not know: the window's
  // fields are filled once in the browser, so the server's HTML and the first render agree.
  const isInBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [typedOpensAt, setOpensAt] = useState<string | null>(null);
  const [typedClosesAt, setClosesAt] = useState<string | null>(null);
  const opensAt = typedOpensAt ?? (isInBrowser ? toDateTimeLocal(defaults.opensAt) : "");
  const closesAt = typedClosesAt ?? (isInBrowser ? toDateTimeLocal(defaults.closesAt) : "");
  const [duration, setDuration] = useState(String(defaults.durationMinutes));
  const [extra, setExtra] = useState<Record<string, string>>(() => Object.fromEntries(defaults.extraTime.map((e) => [e.userId, String(e.minutes)])));
  const [formError, setFormError] = useState<string | null>(null);
  const schedule = useMutation(trpc.cohortExam.schedule.mutationOptions());
  const update = useMutation(trpc.cohortExam.update.mutationOptions());
  const mutation = existing ? update : schedule;

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const opens = readDate(opensAt);
    const closes = readDate(closesAt);
    if (!opens || !closes) return setFormError("Give both the opening and the closing time.");
    if (opens >= closes) return setFormError("The exam must open before it closes.");
    setFormError(null);
    const values = {
      title,
      opensAt: opens,
      closesAt: closes,
      durationMinutes: Number(duration),
      extraTime: Object.entries(extra)
        .filter(([, minutes]) => minutes.trim() !== "" && Number(minutes) > 0)
        .map(([userId, minutes]) => ({ userId, minutes: Number(minutes) })),
    };
    const onSuccess = ({ examId }: { examId: string }) => {
      router.push(`/instructor/cohorts/${cohortId}/exams/${examId}`);
      router.refresh();
    };
    if (existing) update.mutate({ examId: existing.examId, ...values }, { onSuccess });
    else schedule.mutate({ cohortId, ...values }, { onSuccess });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={existing ? "Edit exam" : "Schedule an exam"}>
      <div>
        <label className="label" htmlFor="exam-title">
          Title
        </label>
        <input id="exam-title" className="field" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <LabelledInput id="exam-opens" label="Opens (your time)" type="datetime-local" value={opensAt} onChange={setOpensAt} />
        <LabelledInput id="exam-closes" label="Closes (your time)" type="datetime-local" value={closesAt} onChange={setClosesAt} />
        <LabelledInput id="exam-duration" label="Duration (minutes)" type="number" min={1} max={1440} value={duration} onChange={setDuration} />
      </div>
      {learners.length > 0 && (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Extra time per learner (optional)</summary>
          <ul className="mt-3 space-y-2">
            {learners.map((learner) => (
              <li key={learner.id} className="flex flex-wrap items-center justify-between gap-2">
                <label htmlFor={`extra-${learner.id}`} className="min-w-0 text-sm break-words">
                  {learner.name} <span className="text-slate-500">({learner.email})</span>
                </label>
                <span className="flex items-center gap-2 text-sm text-slate-600">
                  <input
                    id={`extra-${learner.id}`}
                    type="number"
                    min={0}
                    max={1440}
                    className="field w-24"
                    value={extra[learner.id] ?? ""}
                    placeholder="0"
                    onChange={(e) => setExtra((current) => ({ ...current, [learner.id]: e.target.value }))}
                  />
                  min
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {formError && (
        <p role="alert" className="text-sm text-rose-700">
          {formError}
        </p>
      )}
      <ActionError error={mutation.error} />
      <button type="submit" className="btn-primary" disabled={mutation.isPending}>
        {mutation.isPending ? "Saving…" : existing ? "Save changes" : "Schedule exam"}
      </button>
    </form>
  );
}
