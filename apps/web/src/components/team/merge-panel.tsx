"use client";

import { useState } from "react";

import { CodeDiff } from "~/components/practice/code-diff";
import { CodeEditor } from "~/components/practice/code-editor";
import { formatTime } from "~/components/practice/format";

import { draftMerge, hasConflictMarkers } from "./merge-text";

export type TheirSave = { content: string; version: number; authorName: string; savedAt: Date };

type MergePanelProps = {
  fileName: string;
  /** The file as it was when this member started editing it. */
  base: string;
  mine: string;
  theirs: TheirSave;
  isSaving: boolean;
  /** Saves `text` as the next version after the teammate's. */
  onSave: (text: string) => void;
  /** Drops this member's edit: the editor goes on from the teammate's version. */
  onTakeTheirs: () => void;
};

/**
 * A save refused because a teammate saved the file first: their change and mine side by side, and
 * three ways on. Nothing is saved until the member chooses, and both texts stay on screen until then.
 */
export function MergePanel({ fileName, base, mine, theirs, isSaving, onSave, onTakeTheirs }: MergePanelProps) {
  const theirLabel = `${theirs.authorName} (version ${theirs.version})`;
  const [merge, setMerge] = useState<string | null>(null);
  const draft = draftMerge({ base, mine, theirs: theirs.content, theirLabel });
  const order = [fileName];
  return (
    <section role="alert" aria-labelledby="merge-title" data-testid="merge-panel" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h3 id="merge-title" className="font-semibold text-amber-950">
        {theirs.authorName} saved {fileName} while you were editing it
      </h3>
      <p className="text-sm text-amber-950" data-testid="merge-summary">
        Their save (version {theirs.version}, {formatTime(theirs.savedAt)}) came first, so yours was not applied. Nothing is lost: choose how to go on.
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <div className="min-w-0 space-y-1">
          <h4 className="text-sm font-medium">{theirs.authorName}&apos;s change</h4>
          <div data-testid="their-change">
            <CodeDiff previous={[{ name: fileName, content: base }]} current={[{ name: fileName, content: theirs.content }]} order={order} />
          </div>
        </div>
        <div className="min-w-0 space-y-1">
          <h4 className="text-sm font-medium">Your change</h4>
          <div data-testid="my-change">
            <CodeDiff previous={[{ name: fileName, content: base }]} current={[{ name: fileName, content: mine }]} order={order} />
          </div>
        </div>
      </div>
      {merge === null ? (
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn-primary" disabled={isSaving} onClick={() => setMerge(draft.text)}>
            Edit the merge
          </button>
          <button type="button" className="btn-secondary" disabled={isSaving} onClick={() => onSave(mine)}>
            Keep mine
          </button>
          <button type="button" className="btn-secondary" disabled={isSaving} onClick={onTakeTheirs}>
            Take theirs
          </button>
        </div>
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">
            {draft.isClean
              ? "Both changes are combined below. Check the result, then save it."
              : "Both of you changed the same lines: both texts are below between <<<<<<< and >>>>>>> markers. Keep what belongs and remove the markers."}
          </p>
          <CodeEditor value={merge} label={`Merge: ${fileName}`} height="320px" onChange={setMerge} />
          {hasConflictMarkers(merge) && <p className="text-sm text-amber-900">The merge still holds conflict markers.</p>}
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-primary" disabled={isSaving || hasConflictMarkers(merge)} onClick={() => onSave(merge)}>
              {isSaving ? "Saving…" : "Save the merge"}
            </button>
            <button type="button" className="btn-secondary" disabled={isSaving} onClick={() => setMerge(null)}>
              Back
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
