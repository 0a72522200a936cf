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

/** A grading asked for a milestone the exercise does not have (any more). */
export class MilestoneNotFoundError extends Error {
  constructor(
    readonly exerciseId: string,
    readonly milestoneKey: string,
  ) {
    super(`${exerciseId} has no milestone ${milestoneKey}`);
    this.name = "MilestoneNotFoundError";
  }
}
