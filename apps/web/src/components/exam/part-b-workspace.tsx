"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";

import type { EditorFile, WorkspaceExercise } from "~/components/practice/types";
import type { ExamWorkspaceMode } from "~/components/practice/workspace";
import { Workspace } from "~/components/practice/workspace";
import { useTRPC } from "~/trpc/react";

import { PartBSubmissionStatus } from "./part-b-status";
import { usePartBSubmissions } from "./use-live-part-b";

type PartBWorkspaceProps = {
  attemptId: string;
  exercise: WorkspaceExercise;
  draft: { files: EditorFile[]; savedAt: Date } | null;
  task: React.ReactNode;
};

/** The practice workspace in exam mode: code saved with the attempt as typed, submitted to the attempt, shown received or graded. */
export function PartBWorkspace({ attemptId, exercise, draft, task }: PartBWorkspaceProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutateAsync: saveDraft } = useMutation(trpc.exam.savePartBDraft.mutationOptions());
  const { mutateAsync: submit } = useMutation(
    trpc.exam.submitPartB.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.exam.partBStatus.queryKey({ attemptId }) }) }),
  );
  const submissions = usePartBSubmissions(attemptId, exercise.id);
  const exam: ExamWorkspaceMode = {
    saveFiles: async (files) => ({ updatedAt: (await saveDraft({ attemptId, exerciseId: exercise.id, files })).savedAt }),
    submitFiles: (files) => submit({ attemptId, exerciseId: exercise.id, files }),
    status: <PartBSubmissionStatus submissions={submissions} />,
  };
  const initial = useMemo(() => (draft ? { files: draft.files, updatedAt: draft.savedAt } : null), [draft]);
  return <Workspace exercise={exercise} draft={initial} latestSubmissionId={null} task={task} exam={exam} />;
}
