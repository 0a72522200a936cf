import type { EditorFile, WorkspaceExercise } from "./types";

/** The exercise's files in its order, each from `source` when present there, else from the starter. */
export function mergeWithStarter(exercise: Pick<WorkspaceExercise, "files" | "starterFiles">, source: EditorFile[] | null): EditorFile[] {
  return exercise.files.map((name) => ({
    name,
    content: source?.find((file) => file.name === name)?.content ?? exercise.starterFiles.find((file) => file.name === name)?.content ?? "",
  }));
}

export function replaceContent(files: EditorFile[], name: string, content: string): EditorFile[] {
  return files.map((file) => (file.name === name ? { ...file, content } : file));
}
