/** Every grading container carries this label, so leftovers can be found and removed. */
export const GRADER_LABEL = "academy.grader";
export const GRADING_ID_LABEL = "academy.grading-id";
export const EXERCISE_LABEL = "academy.exercise";
/** Spare containers of one pool (graders sharing an engine each have their own). */
export const POOL_LABEL = "academy.pool";
