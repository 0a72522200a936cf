/** The history's query input: the exercise page reads the same list on the server, so the browser finds it cached. */
export function attemptsInput(exerciseId: string) {
  return { exerciseId, limit: 200 };
}
