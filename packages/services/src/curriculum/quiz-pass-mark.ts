/** A quiz counts as passed from 70 %: most of a section understood, one slip allowed on six questions. */
export const QUIZ_PASS_RATIO = 0.7;

export function isQuizPassed(score: { score: number; maxScore: number } | null): boolean {
  return score !== null && score.maxScore > 0 && score.score / score.maxScore >= QUIZ_PASS_RATIO;
}
