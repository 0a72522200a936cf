/** A date and time as the exam pages show it: in UTC, so the server's rendering and the browser's agree. */
export function formatExamTime(date: Date): string {
  return `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

/** A `datetime-local` input's value for a date, in the browser's time zone. */
export function toDateTimeLocal(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** An exam's window and duration in one line. */
export function formatExamWindow(exam: { opensAt: Date; closesAt: Date; durationMinutes: number }): string {
  return `${formatExamTime(exam.opensAt)} – ${formatExamTime(exam.closesAt)} · ${exam.durationMinutes} min`;
}
