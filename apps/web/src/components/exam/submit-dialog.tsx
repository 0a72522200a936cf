"use client";

import { useEffect, useRef } from "react";

type SubmitDialogProps = {
  isOpen: boolean;
  unanswered: number;
  flagged: number;
  unsaved: number;
  isSubmitting: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before the exam is submitted, with what is still open: it cannot be undone. */
export function SubmitDialog({ isOpen, unanswered, flagged, unsaved, isSubmitting, error, onConfirm, onCancel }: SubmitDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="submit-exam-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id="submit-exam-title" className="text-lg font-semibold">
          Submit your exam?
        </h2>
        <ul className="space-y-1 text-sm" data-testid="submit-summary">
          <li data-testid="submit-unanswered">
            {unanswered === 0 ? "Every question is answered." : `${unanswered} question${unanswered === 1 ? " is" : "s are"} unanswered.`}
          </li>
          <li data-testid="submit-flagged">{flagged === 0 ? "No question is flagged for review." : `${flagged} question${flagged === 1 ? " is" : "s are"} flagged for review.`}</li>
          {unsaved > 0 && (
            <li className="text-rose-700">
              {unsaved} answer{unsaved === 1 ? " is" : "s are"} not saved yet: retry saving first, or {unsaved === 1 ? "it" : "they"} will not count.
            </li>
          )}
        </ul>
        <p className="text-sm text-slate-600">Once submitted, answers and code can no longer change. Part B submissions still being graded are graded after.</p>
        {error && (
          <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
            {error}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={onCancel} disabled={isSubmitting}>
            Keep working
          </button>
          <button type="button" className="btn-primary" onClick={onConfirm} disabled={isSubmitting}>
            {isSubmitting ? "Submitting…" : "Submit exam"}
          </button>
        </div>
      </div>
    </dialog>
  );
}
