/** Past this many cells the middle of a diff is counted as wholly replaced rather than aligned (bounded work per save). */
const MAX_ALIGNED_CELLS = 4_000_000;

/**
 * Lines added and removed from `before` to `after`, as a line diff counts them: the common head and
 * tail are skipped, and the middle is aligned by its longest common subsequence.
 */
export function countChangedLines(before: string, after: string): { linesAdded: number; linesRemoved: number } {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  if (oldMiddle.length * newMiddle.length > MAX_ALIGNED_CELLS) return { linesAdded: newMiddle.length, linesRemoved: oldMiddle.length };
  const common = longestCommonSubsequence(oldMiddle, newMiddle);
  return { linesAdded: newMiddle.length - common, linesRemoved: oldMiddle.length - common };
}

/** A final newline ends the last line rather than starting an empty one. */
function splitLines(content: string) {
  return content === "" ? [] : content.replace(/\n$/, "").split("\n");
}

function longestCommonSubsequence(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) current[j] = line === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    previous = current;
  }
  return previous[b.length]!;
}
