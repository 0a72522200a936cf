"use client";

import { useState } from "react";

/** Replacing the learner's code cannot be undone from the editor, so it asks first. */
export function ResetButton({ onReset }: { onReset: () => void }) {
  const [isAsking, setIsAsking] = useState(false);
  if (!isAsking) {
    return (
      <button type="button" className="btn-secondary" onClick={() => setIsAsking(true)}>
        Reset to starter
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-label="Reset to starter" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm">
      <span>Replace your code with the starter files? Past attempts stay in History.</span>
      <button
        type="button"
        className="btn !bg-amber-600 !px-3 !py-1 text-white hover:!bg-amber-700"
        onClick={() => {
          setIsAsking(false);
          onReset();
        }}
      >
        Yes, reset
      </button>
      <button type="button" className="btn-secondary !px-3 !py-1" onClick={() => setIsAsking(false)}>
        Cancel
      </button>
    </div>
  );
}
