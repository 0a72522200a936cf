"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactCodeMirrorRef } from "@uiw/react-codemirror";
import { useCallback, useEffect, useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";

import { CodeEditor } from "./code-editor";
import { describeError } from "./describe-error";
import { DraftIndicator } from "./draft-indicator";
import { ExercisePanel } from "./exercise-panel";
import { FeedbackPanel } from "./feedback-panel";
import { FileTabs } from "./file-tabs";
import { ResetButton } from "./reset-button";
import type { EditorFile, ErrorLocation, WorkspaceExercise } from "./types";
import type { SaveFiles } from "./use-draft-autosave";
import { useDraftAutosave } from "./use-draft-autosave";
import { useLiveSubmission } from "./use-live-submission";
import { mergeWithStarter, replaceContent } from "./workspace-files";

/**
 * Exam mode: the code is kept with the exam attempt and submitted to it. No feedback, score or
 * past attempts: `status` (the exam's own view of its submissions: received, graded) shows instead.
 */
export type ExamWorkspaceMode = {
  saveFiles: SaveFiles;
  submitFiles: (files: EditorFile[]) => Promise<unknown>;
  status: React.ReactNode;
};

type WorkspaceProps = {
  exercise: WorkspaceExercise;
  draft: { files: EditorFile[]; updatedAt: Date } | null;
  latestSubmissionId: string | null;
  task: React.ReactNode;
  exam?: ExamWorkspaceMode;
};

type Mode = "submit" | "run-visible";

export function Workspace({ exercise, draft, latestSubmissionId, task, exam }: WorkspaceProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState(() => mergeWithStarter(exercise, draft?.files ?? null));
  const [activeFile, setActiveFile] = useState(exercise.files.includes(exercise.entrypoint) ? exercise.entrypoint : exercise.files[0]!);
  // Bumped when the code is replaced wholesale (reset, restore), so the editor starts afresh.
  const [editorGeneration, setEditorGeneration] = useState(0);
  const [submissionId, setSubmissionId] = useState(latestSubmissionId);
  const [actionError, setActionError] = useState<string | null>(null);
  const [errorLocation, setErrorLocation] = useState<ErrorLocation | null>(null);
  const editorRef = useRef<ReactCodeMirrorRef>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const filesRef = useRef(files);
  useEffect(() => {
    filesRef.current = files;
  }, [files]);

  const draftState = useDraftAutosave(exercise.id, files, draft?.updatedAt ?? null, exam?.saveFiles);
  const refreshAttempts = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.submission.list.queryKey() });
  }, [queryClient, trpc]);
  const { submission, error: liveError } = useLiveSubmission(exam ? null : submissionId, refreshAttempts);
  const { mutateAsync: createPracticeSubmission } = useMutation(trpc.submission.create.mutationOptions());
  const create = useMutation({
    mutationFn: async ({ mode, files: submitted }: { mode: Mode; files: EditorFile[] }) => {
      if (exam) return void (await exam.submitFiles(submitted));
      const created = await createPracticeSubmission({ exerciseId: exercise.id, mode, files: submitted });
      setSubmissionId(created.id);
      refreshAttempts();
    },
    onError: (error) => setActionError(describeError(error)),
  });
  const { mutate: createSubmission, isPending: isSending } = create;

  const run = useCallback(
    (mode: Mode) => {
      setActionError(null);
      createSubmission({ mode, files: filesRef.current });
    },
    [createSubmission],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      // An exam keeps a workspace per exercise, the others hidden: only the one in view submits.
      if (rootRef.current?.offsetParent === null) return;
      // Capture phase: before CodeMirror turns Mod-Enter into a blank line.
      event.preventDefault();
      event.stopPropagation();
      if (!isSending) run("submit");
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [isSending, run]);

  useEffect(() => {
    const view = editorRef.current?.view;
    if (!errorLocation || errorLocation.file !== activeFile || !view) return;
    const line = view.state.doc.line(Math.min(Math.max(1, errorLocation.line), view.state.doc.lines));
    view.dispatch({ selection: { anchor: line.from, head: line.to }, scrollIntoView: true });
    view.focus();
    setErrorLocation(null);
  }, [errorLocation, activeFile]);

  const replaceAll = (next: EditorFile[]) => {
    setFiles(mergeWithStarter(exercise, next));
    setEditorGeneration((generation) => generation + 1);
  };
  const current = files.find((file) => file.name === activeFile) ?? files[0]!;

  return (
    <div ref={rootRef} className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <ExercisePanel exercise={exercise} task={task} onRestore={replaceAll} hasHistory={!exam} />
      <section aria-label="Your code" className="min-w-0 space-y-3">
        <FileTabs names={exercise.files} active={current.name} onSelect={setActiveFile} label="Your files" />
        <CodeEditor
          key={`${current.name}:${editorGeneration}`}
          editorRef={editorRef}
          value={current.content}
          label={`Editor: ${current.name}`}
          onChange={(content) => setFiles((previous) => replaceContent(previous, current.name, content))}
        />
        <div className="flex flex-wrap items-center gap-2">
          {!exam && (
            <button type="button" className="btn-secondary" disabled={isSending} onClick={() => run("run-visible")}>
              Run visible tests
            </button>
          )}
          <button type="button" className="btn-primary" disabled={isSending} onClick={() => run("submit")} title="Ctrl+Enter (⌘+Enter on a Mac)">
            Submit
            <kbd className="rounded bg-brand-700 px-1 text-[10px] font-normal">Ctrl+Enter</kbd>
          </button>
          <ResetButton onReset={() => replaceAll(exercise.starterFiles)} />
          <span className="ml-auto">
            <DraftIndicator state={draftState} />
          </span>
        </div>
        {actionError && (
          <p role="alert" data-testid="action-error" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
            {actionError}
          </p>
        )}
        <div className="card">
          {exam ? (
            exam.status
          ) : liveError ? (
            <p className="text-sm text-rose-700">{describeError(liveError)}</p>
          ) : submission ? (
            <FeedbackPanel
              submission={submission}
              files={exercise.files}
              onShowLocation={(target) => {
                setActiveFile(target.file);
                setErrorLocation(target);
              }}
            />
          ) : (
            <p className="text-sm text-slate-600">Run the visible tests or submit to see feedback here.</p>
          )}
        </div>
      </section>
    </div>
  );
}
