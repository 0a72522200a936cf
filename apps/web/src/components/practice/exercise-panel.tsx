"use client";

import { useState } from "react";

import { CodeEditor } from "./code-editor";
import { SubmissionHistory } from "./submission-history";
import type { EditorFile, WorkspaceExercise } from "./types";

type Tab = "task" | "tests" | "app" | "history";

type ExercisePanelProps = {
  exercise: WorkspaceExercise;
  task: React.ReactNode;
  onRestore: (files: EditorFile[]) => void;
  /** Past attempts with their scores; off during an exam. */
  hasHistory?: boolean;
};

function ReadOnlyFiles({ files, label }: { files: EditorFile[]; label: string }) {
  return (
    <div className="space-y-4">
      {files.map((file) => (
        <figure key={file.name} className="space-y-1">
          <figcaption className="font-mono text-xs text-slate-600">{file.name}</figcaption>
          <CodeEditor value={file.content} label={`${label}: ${file.name}`} isReadOnly height="auto" />
        </figure>
      ))}
    </div>
  );
}

/** The left side of the workspace: what to build, the tests the learner may read, and past attempts. */
export function ExercisePanel({ exercise, task, onRestore, hasHistory = true }: ExercisePanelProps) {
  const [tab, setTab] = useState<Tab>("task");
  const tabs: { id: Tab; label: string }[] = [
    { id: "task", label: "Task" },
    { id: "tests", label: "Visible tests" },
    ...(exercise.appFiles.length > 0 ? [{ id: "app" as const, label: "App under test" }] : []),
    ...(hasHistory ? [{ id: "history" as const, label: "History" }] : []),
  ];
  return (
    <section aria-label="Exercise" className="card min-w-0 !p-0">
      <div role="tablist" aria-label="Exercise" className="flex gap-1 border-b border-slate-200 px-3 pt-2">
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="max-h-[calc(100vh-12rem)] overflow-y-auto p-5" role="tabpanel">
        {tab === "task" && task}
        {tab === "tests" && (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              These tests run with <span className="font-medium">Run visible tests</span>. Submitting also runs hidden tests that check the rest of the task.
            </p>
            <ReadOnlyFiles files={exercise.visibleTests} label="Visible test" />
          </div>
        )}
        {tab === "app" && (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">Your tests run against this app (they must pass) and against broken copies of it (they should fail).</p>
            <ReadOnlyFiles files={exercise.appFiles} label="App under test" />
          </div>
        )}
        {tab === "history" && <SubmissionHistory exerciseId={exercise.id} fileOrder={exercise.files} onRestore={onRestore} />}
      </div>
    </section>
  );
}
