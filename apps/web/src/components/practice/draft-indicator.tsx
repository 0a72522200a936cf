import { formatTime } from "./format";
import type { DraftState } from "./use-draft-autosave";

function describe(state: DraftState) {
  switch (state.kind) {
    case "saved":
      return state.at ? "Saved" : "Starter code";
    case "unsaved":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "failed":
      return `Not saved: ${state.message}`;
  }
}

/** Whether the server holds what is in the editor, so a reload or another device shows the same code. */
export function DraftIndicator({ state }: { state: DraftState }) {
  const title = state.kind === "saved" && state.at ? `Draft saved at ${formatTime(state.at)}` : undefined;
  return (
    <span
      data-testid="draft-status"
      data-state={state.kind}
      title={title}
      aria-live="polite"
      className={`text-xs ${state.kind === "failed" ? "text-rose-700" : "text-slate-500"}`}
    >
      {describe(state)}
    </span>
  );
}
