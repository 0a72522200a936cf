import os from "node:os";

import { resolveExercisesDir } from "@academy/exercises";
import { z } from "zod";

const configSchema = z.object({
  DATABASE_URL: z.url({ message: "DATABASE_URL must point at the database the web app uses." }),
  EXERCISES_DIR: z
    .string()
    .optional()
    .transform((configured) => resolveExercisesDir({ configured, from: import.meta.dirname })),
  // One grading per core: each container is limited to one CPU.
  GRADER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(os.availableParallelism()),
  // Longer than the slowest grading (60 s limit + container start and grace), so only dead workers' jobs expire.
  GRADER_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(5).default(180),
  // How often expired jobs are looked for: the delay before a dead worker's job is picked up again.
  GRADER_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).default(10),
  // Containers kept started and waiting per run mode; by default one per concurrent grading.
  GRADER_POOL_SIZE: z.coerce.number().int().min(0).max(32).optional(),
  GRADER_POLL_SECONDS: z.coerce.number().min(0.5).default(0.5),
  // SIGTERM waits this long for gradings in progress before stopping.
  GRADER_DRAIN_SECONDS: z.coerce.number().int().min(1).default(90),
  GRADER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  // A Docker engine call that takes longer fails: a frozen engine accepts connections and never answers.
  GRADER_DOCKER_TIMEOUT_SECONDS: z.coerce.number().int().min(5).default(30),
  // How often the engine is pinged (and how long a ping may take); two failed pings in a row stop the taking of jobs.
  GRADER_ENGINE_CHECK_SECONDS: z.coerce.number().int().min(1).default(5),
  // Development machines whose engine has no seccomp may grade anyway; never in production.
  GRADER_ALLOW_NO_SECCOMP: z
    .enum(["0", "1", "false", "true"], { message: "GRADER_ALLOW_NO_SECCOMP must be 1, 0, true or false." })
    .default("0")
    .transform((value) => value === "1" || value === "true"),
  // The cgroup every grading container is put under, to cap all gradings' CPU and memory in one
  // place or to measure them: a path with the cgroupfs driver, a slice name with the systemd driver.
  GRADER_CGROUP_PARENT: z
    .string()
    .regex(/^[A-Za-z0-9_.\-/]+$/, {
      message: "GRADER_CGROUP_PARENT may hold only letters, digits and _ . - / (a cgroup path like /academy-grading or a slice like academygrading.slice).",
    })
    .refine((parent) => !parent.includes(".."), { message: "GRADER_CGROUP_PARENT must not contain \"..\"." })
    .optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type GraderConfig = z.infer<typeof configSchema>;

/** The only place the grader reads its environment (DOCKER_HOST is read by dockerode itself). */
export function loadGraderConfig(env: NodeJS.ProcessEnv = process.env): GraderConfig {
  return configSchema.parse(withoutBlankValues(env));
}

/** A variable set to nothing (`METRICS_TOKEN=` in a compose .env file) counts as not set. */
function withoutBlankValues(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
}
