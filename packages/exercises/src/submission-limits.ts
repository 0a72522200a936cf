/** What a submission may hold, from the exercise folder contract: the API's input schemas, the
 * sandbox's file checks and the web forms read these, so the three cannot drift apart. */
export const submissionLimits = {
  // A FastAPI exercise is a few small text files.
  maxFiles: 20,
  maxFileKib: 256,
  maxTotalKib: 1024,
  maxFileNameLength: 100,
  maxExerciseIdLength: 80,
  // A team project runs a term: a handful of milestones, each a key short enough for a URL.
  maxMilestones: 10,
  maxMilestoneKeyLength: 40,
} as const;

/** An exercise id, which is also its folder name: lowercase words joined by single dashes. */
export const EXERCISE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A file name an exercise may list and a learner may submit: relative, "/"-separated, each part
 * starting with a letter, digit or "_" (so no "..", no hidden files, no absolute paths). */
export const FILE_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;
