/**
 * Adds scores of two decimals (the score column's scale) in whole hundredths, so 6.67 + 5.45
 * is 12.12 and not the binary float 12.120000000000001.
 */
export function sumScores(scores: Iterable<number>): number {
  let hundredths = 0;
  for (const score of scores) hundredths += Math.round(score * 100);
  return hundredths / 100;
}
