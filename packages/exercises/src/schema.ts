import { z } from "zod";

import { EXERCISE_ID_PATTERN, FILE_NAME_PATTERN, submissionLimits } from "./submission-limits";

// The names a learner can submit: a listed file the sandbox would refuse could never be graded.
const relativeFileName = z
  .string()
  .max(submissionLimits.maxFileNameLength)
  .regex(FILE_NAME_PATTERN, "must be a relative path inside the exercise (letters, digits, _ . - and /, without ..)");

/** exercise.yaml, as specified in exercise-format.md (the contract). */
export const exerciseConfigSchema = z
  .strictObject({
    id: z.string().max(submissionLimits.maxExerciseIdLength).regex(EXERCISE_ID_PATTERN, "lowercase letters, digits and dashes"),
    title: z.string().min(1),
    section: z.string().regex(/^\d+\.\d+$/, 'a curriculum section such as "3.5"'),
    difficulty: z.enum(["intro", "core", "advanced"]).default("core"),
    points: z.number().positive().default(10),
    entrypoint: relativeFileName.refine((name) => name.endsWith(".py"), "must be a .py module").default("main.py"),
    files: z.array(relativeFileName).min(1).max(submissionLimits.maxFiles).optional(),
    // The whole run, container start included; 60 s keeps a grader worker's queue moving.
    timeoutSeconds: z.number().int().min(1).max(60).default(10),
    isolation: z.enum(["process", "in-process"]).default("process"),
    kind: z.enum(["implement", "write-tests"]).default("implement"),
  })
  .transform((config) => ({ ...config, files: config.files ?? [config.entrypoint] }))
  .superRefine((config, ctx) => {
    if (new Set(config.files).size !== config.files.length) {
      ctx.addIssue({ code: "custom", path: ["files"], message: "lists a file twice" });
    }
    if (config.kind === "implement" && !config.files.includes(config.entrypoint)) {
      ctx.addIssue({ code: "custom", path: ["files"], message: `must include the entrypoint ${config.entrypoint}` });
    }
    if (config.kind === "write-tests" && config.isolation !== "process") {
      ctx.addIssue({ code: "custom", path: ["isolation"], message: "write-tests exercises run with isolation process" });
    }
  });

export type ExerciseConfig = z.output<typeof exerciseConfigSchema>;
