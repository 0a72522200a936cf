import { diffLines } from "diff";

import type { EditorFile } from "./types";

export type DiffLine = { kind: "added" | "removed" | "same" | "skipped"; text: string };
export type FileDiff = { name: string; lines: DiffLine[]; added: number; removed: number };

const CONTEXT = 3;

function splitLines(value: string) {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Long unchanged stretches fold to a marker, keeping a few lines of context around each change. */
function foldUnchanged(lines: DiffLine[]): DiffLine[] {
  const isNearChange = lines.map((_, index) =>
    lines.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((line) => line.kind !== "same"),
  );
  const folded: DiffLine[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    if (isNearChange[index]) {
      if (skipped > 0) folded.push({ kind: "skipped", text: `${skipped} unchanged ${skipped === 1 ? "line" : "lines"}` });
      skipped = 0;
      folded.push(line);
    } else skipped += 1;
  });
  if (skipped > 0) folded.push({ kind: "skipped", text: `${skipped} unchanged ${skipped === 1 ? "line" : "lines"}` });
  return folded;
}

/** A line diff per file between two attempts, in the exercise's file order. */
export function diffAttempts(previous: EditorFile[], current: EditorFile[], order: string[]): FileDiff[] {
  const names = [...new Set([...order, ...previous.map((f) => f.name), ...current.map((f) => f.name)])];
  return names
    .filter((name) => previous.some((f) => f.name === name) || current.some((f) => f.name === name))
    .map((name) => {
      const before = previous.find((f) => f.name === name)?.content ?? "";
      const after = current.find((f) => f.name === name)?.content ?? "";
      const lines: DiffLine[] = diffLines(before, after).flatMap((change) =>
        splitLines(change.value).map((text) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text }) as DiffLine),
      );
      return {
        name,
        lines: foldUnchanged(lines),
        added: lines.filter((line) => line.kind === "added").length,
        removed: lines.filter((line) => line.kind === "removed").length,
      };
    });
}
