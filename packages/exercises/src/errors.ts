/** An exercise folder that does not follow the contract; `problems` lists every finding. */
export class ExerciseFolderError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: string[],
  ) {
    super(`invalid exercise folder ${dir}: ${problems.join("; ")}`);
    this.name = "ExerciseFolderError";
  }
}
