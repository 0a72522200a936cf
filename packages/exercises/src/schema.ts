import { z } from "zod";

import { EXERCISE_ID_PATTERN, FILE_NAME_PATTERN, submissionLimits } from "./submission-limits";

// The names a learner can submit: a listed file the sandbox would refuse could never be graded.
const relativeFileName = z
  .string()
  .max(submissionLimits.maxFileNameLength)
  .regex(FILE_NAME_PATTERN, "must be a relative path inside the exercise (letters, digits, _ . - and /, without ..)");

/** A milestone of a team-project template: its suite lives in milestones/<key>/ (see load-exercise). */
const milestoneSchema = z.strictObject({
  key: z.string().max(submissionLimits.maxMilestoneKeyLength).regex(EXERCISE_ID_PATTERN, "lowercase letters, digits and dashes"),
  title: z.string().min(1).max(120),
  // Days after the team project starts; the instructor's project sets the real dates from these.
  dueOffsetDays: z.number().int().min(1).max(365).optional(),
  // A milestone is graded out of these points (default: the exercise's points).
  points: z.number().positive().optional(),
});

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
    // Present: the folder is a team-project template graded milestone by milestone, in this order.
    milestones: z.array(milestoneSchema).min(1).max(submissionLimits.maxMilestones).optional(),
  })
  .transform(({ milestones, ...config }) => ({
    ...config,
    files: config.files ?? [config.entrypoint],
    milestones: (milestones ?? []).map((milestone) => ({ ...milestone, points: milestone.points ?? config.points })),
  }))
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
    checkMilestones(config, ctx);
  });

function checkMilestones(config: { kind: string; milestones: { key: string; dueOffsetDays?: number }[] }, ctx: z.RefinementCtx) {
  if (config.milestones.length > 0 && config.kind !== "implement") {
    ctx.addIssue({ code: "custom", path: ["milestones"], message: "only implement exercises can have milestones" });
  }
  const seen = new Set<string>();
  let lastDue = 0;
  config.milestones.forEach((milestone, index) => {
    if (seen.has(milestone.key)) ctx.addIssue({ code: "custom", path: ["milestones", index, "key"], message: `${milestone.key} is used twice` });
    seen.add(milestone.key);
    if (milestone.dueOffsetDays === undefined) return;
    if (milestone.dueOffsetDays <= lastDue) {
      ctx.addIssue({ code: "custom", path: ["milestones", index, "dueOffsetDays"], message: "must come after the earlier milestones' due days" });
    }
    lastDue = milestone.dueOffsetDays;
  });
}

export type ExerciseConfig = z.output<typeof exerciseConfigSchema>;
export type MilestoneConfig = ExerciseConfig["milestones"][number];
