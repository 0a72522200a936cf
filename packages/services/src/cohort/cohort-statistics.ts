/** Rounded to two decimals, as scores and percentages are shown. */
export const roundTo2 = (value: number) => Math.round(value * 100) / 100;

/** part of whole as a percentage of two decimals; null when there is no whole to speak of. */
export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return roundTo2(value);
}

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : roundTo2(values.reduce((sum, value) => sum + value, 0) / values.length);
}

/** Map.groupBy, which Node 20 lacks. */
export function groupBy<Item, Key>(items: Iterable<Item>, keyOf: (item: Item) => Key): Map<Key, Item[]> {
  const groups = new Map<Key, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
