"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";

import { describeError } from "./describe-error";
import type { EditorFile } from "./types";

export type DraftState = { kind: "saved"; at: Date | null } | { kind: "unsaved" } | { kind: "saving" } | { kind: "failed"; message: string };

const DEBOUNCE_MS = 1000;

/** Where the files are kept: the exercise's draft by default, an exam attempt's code in exam mode. */
export type SaveFiles = (files: EditorFile[]) => Promise<{ updatedAt: Date }>;

/**
 * Saves the editor's files about a second after the learner stops typing. Saves run one at a
 * time, so an older save can never land after a newer one and overwrite it.
 */
export function useDraftAutosave(exerciseId: string, files: EditorFile[], savedAt: Date | null, saveFiles?: SaveFiles) {
  const trpc = useTRPC();
  const { mutateAsync: saveDraft } = useMutation(trpc.draft.save.mutationOptions());
  // Read at save time: a caller's new function each render must not restart the debounce.
  const saveFilesRef = useRef(saveFiles);
  useEffect(() => {
    saveFilesRef.current = saveFiles;
  });
  const [state, setState] = useState<DraftState>({ kind: "saved", at: savedAt });
  const lastSaved = useRef(JSON.stringify(files));
  const latest = useRef(files);
  const isSaving = useRef(false);

  const save = useCallback(async () => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      while (JSON.stringify(latest.current) !== lastSaved.current) {
        const snapshot = latest.current;
        setState({ kind: "saving" });
        try {
          const result = saveFilesRef.current ? await saveFilesRef.current(snapshot) : await saveDraft({ exerciseId, files: snapshot });
          lastSaved.current = JSON.stringify(snapshot);
          setState(snapshot === latest.current ? { kind: "saved", at: result.updatedAt } : { kind: "unsaved" });
        } catch (error) {
          setState({ kind: "failed", message: describeError(error) });
          return;
        }
      }
    } finally {
      isSaving.current = false;
    }
  }, [exerciseId, saveDraft]);

  useEffect(() => {
    latest.current = files;
    if (JSON.stringify(files) === lastSaved.current) return;
    setState((current) => (current.kind === "failed" ? current : { kind: "unsaved" }));
    const timer = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [files, save]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (JSON.stringify(latest.current) !== lastSaved.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return state;
}
