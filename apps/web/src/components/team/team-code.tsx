"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ActionError } from "~/components/instructor/describe-action-error";
import { CodeEditor } from "~/components/practice/code-editor";
import { FileTabs } from "~/components/practice/file-tabs";
import { formatTime } from "~/components/practice/format";
import { useTRPC } from "~/trpc/react";

import type { TheirSave } from "./merge-panel";
import { MergePanel } from "./merge-panel";
import type { TeamDetail } from "./types";

/** A member's edit of one file: the version and text it started from, and the text now. */
type FileEdit = { baseVersion: number; baseContent: string; draft: string };
type Conflict = { fileName: string; base: string; mine: string; theirs: TheirSave };

/**
 * The team's shared codebase in the workspace editor. Each save names the version it was based on;
 * when a teammate saved the file first the server refuses it, and the member sees their change and
 * merges (keep mine, take theirs, or edit the merge) before anything is written.
 */
export function TeamCode({ team }: { team: TeamDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const codeKey = trpc.team.code.queryKey({ teamId: team.id });
  const { data: code } = useQuery(trpc.team.code.queryOptions({ teamId: team.id }));
  const [activeName, setActiveName] = useState<string | null>(null);
  const [edits, setEdits] = useState<Record<string, FileEdit>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // Bumped when the editor's text is replaced from outside (a merge, taking theirs), so it starts afresh.
  const [generation, setGeneration] = useState(0);
  const save = useMutation(trpc.team.saveFile.mutationOptions());
  const canEdit = team.viewerIsMember;

  if (!code) return <p className="text-sm text-slate-600">Loading the code…</p>;
  if (code.files.length === 0) return <p className="text-sm text-slate-600">The project has no files yet.</p>;
  const names = code.files.map((file) => file.name);
  const file = code.files.find((f) => f.name === activeName) ?? code.files.find((f) => f.name === "main.py") ?? code.files[0]!;
  const edit = edits[file.name];
  const isDirty = edit !== undefined && edit.draft !== edit.baseContent;
  const isBehind = edit !== undefined && edit.baseVersion !== file.version;

  const clearEdit = (name: string) =>
    setEdits((current) => {
      const { [name]: _dropped, ...rest } = current;
      return rest;
    });

  const saveText = async (name: string, content: string, baseVersion: number, base: string) => {
    const result = await save.mutateAsync({ teamId: team.id, name, content, baseVersion });
    // The file as the server now holds it goes into the cache at once, so the next edit starts from it.
    const now = result.status === "saved" ? { ...result.file, updatedByName: team.members.find((m) => m.id === result.file.updatedBy)?.name ?? null } : result.current;
    if (now) {
      void queryClient.cancelQueries({ queryKey: codeKey });
      queryClient.setQueryData(codeKey, (cached) => cached && { ...cached, files: cached.files.map((f) => (f.name === name && f.version < now.version ? now : f)) });
    }
    if (result.status === "saved") {
      clearEdit(name);
      setConflict(null);
      setGeneration((g) => g + 1);
      return;
    }
    const current = result.current;
    if (!current) return;
    setConflict({
      fileName: name,
      base,
      mine: content,
      theirs: { content: current.content, version: current.version, authorName: current.updatedByName ?? "A teammate", savedAt: current.updatedAt },
    });
  };

  return (
    <section aria-label="Team code" className="min-w-0 space-y-3">
      <FileTabs names={names} active={file.name} onSelect={setActiveName} label="Team files" />
      <p className="text-xs text-slate-600" data-testid="file-version">
        {file.name} · version {file.version}
        {file.updatedByName ? ` · saved by ${file.updatedByName}, ${formatTime(file.updatedAt)}` : " · from the starter"}
      </p>
      {isBehind && !conflict && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="behind-notice">
          {file.updatedByName ?? "A teammate"} saved a newer version of {file.name} while you edit it. When you save, you will see their change and merge.
        </p>
      )}
      {conflict && conflict.fileName === file.name ? (
        <MergePanel
          key={`${conflict.fileName}:${conflict.theirs.version}`}
          fileName={conflict.fileName}
          base={conflict.base}
          mine={conflict.mine}
          theirs={conflict.theirs}
          isSaving={save.isPending}
          onSave={(text) => {
            setEdits((current) => ({ ...current, [conflict.fileName]: { baseVersion: conflict.theirs.version, baseContent: conflict.theirs.content, draft: text } }));
            void saveText(conflict.fileName, text, conflict.theirs.version, conflict.theirs.content).catch(() => undefined);
          }}
          onTakeTheirs={() => {
            clearEdit(conflict.fileName);
            setConflict(null);
            setGeneration((g) => g + 1);
          }}
        />
      ) : (
        <>
          <CodeEditor
            key={`${file.name}:${generation}`}
            value={edit?.draft ?? file.content}
            label={`Editor: ${file.name}`}
            isReadOnly={!canEdit}
            onChange={(draft) =>
              setEdits((current) => ({ ...current, [file.name]: { baseVersion: current[file.name]?.baseVersion ?? file.version, baseContent: current[file.name]?.baseContent ?? file.content, draft } }))
            }
          />
          {canEdit && (
            <div className="flex flex-wrap items-center gap-2">
              <button
                type="button"
                className="btn-primary"
                disabled={!isDirty || save.isPending}
                onClick={() => edit && void saveText(file.name, edit.draft, edit.baseVersion, edit.baseContent).catch(() => undefined)}
              >
                {save.isPending ? "Saving…" : `Save ${file.name}`}
              </button>
              <span className="text-xs text-slate-600" data-testid="save-state">
                {isDirty ? "Unsaved changes" : "Saved"}
              </span>
            </div>
          )}
        </>
      )}
      <ActionError error={save.error} />
    </section>
  );
}
