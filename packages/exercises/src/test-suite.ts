import { MilestoneNotFoundError } from "./errors";
import type { LoadedExercise } from "./load-exercise";
import { readTextFiles, type TextFile } from "./read-files";

export type TestSuite = { visible: TextFile[]; hidden: TextFile[] };

/**
 * The tests a grading runs (grader side only: the hidden files are in it). With `milestoneKey`:
 * that milestone's suite alone. Without: tests/ of an ordinary exercise, or every milestone's
 * suite of a template (the whole project). Throws MilestoneNotFoundError for a key it lacks.
 */
export async function readTestSuite(exercise: LoadedExercise, milestoneKey?: string | null): Promise<TestSuite> {
  const { internal } = exercise;
  if (milestoneKey) {
    const index = internal.milestones.findIndex((m) => m.key === milestoneKey);
    const paths = internal.milestones[index];
    if (!paths) throw new MilestoneNotFoundError(exercise.config.id, milestoneKey);
    return { visible: exercise.milestones[index]!.visibleTests, hidden: await readTextFiles(paths.hiddenTestsDir) };
  }
  if (internal.milestones.length === 0) {
    return { visible: exercise.visibleTests, hidden: await readTextFiles(internal.hiddenTestsDir) };
  }
  const hidden = await Promise.all(internal.milestones.map((m) => readTextFiles(m.hiddenTestsDir)));
  return { visible: exercise.visibleTests, hidden: hidden.flat() };
}
