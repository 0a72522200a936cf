import { readTestSuite, readTextFiles, type LoadedExercise } from "@academy/exercises";

import type { GradingJob } from "./archive/grading-bundle";
import type { ReportScope } from "./report/build-report";
import type { ValidFile } from "./submission/validate-files";

/** A job before its container: the learner's uid comes with the container (see ContainerSlot). */
export type PlannedJob = { variant: string; job: Omit<GradingJob, "learnerUid"> };

/** implement: one container, running the suite readTestSuite picks (a template's `milestone` alone when
 * given). write-tests: one fresh container per variant (app/ and each mutant),
 * so learner tests cannot carry state from one variant's run to the next and tell them apart. */
export async function planJobs(exercise: LoadedExercise, submission: ValidFile[], scope: ReportScope, milestone?: string | null): Promise<PlannedJob[]> {
  const { config, internal } = exercise;
  const common = { entrypoint: config.entrypoint, timeoutMs: config.timeoutSeconds * 1000, learnerFiles: submission };
  if (config.kind === "implement") {
    const suite = await readTestSuite(exercise, milestone);
    const hiddenTests = scope === "all" ? suite.hidden : [];
    const mode = config.isolation === "in-process" ? "in-process" : "process";
    return [{ variant: "app", job: { ...common, mode, visibleTests: suite.visible, hiddenTests, appFiles: null } }];
  }
  const variants = [{ name: "app", dir: internal.appDir ?? "" }, ...(scope === "all" ? internal.mutants : [])];
  return Promise.all(
    variants.map(async (variant) => ({
      variant: variant.name,
      job: {
        ...common,
        mode: "write-tests" as const,
        visibleTests: [],
        hiddenTests: [],
        appFiles: await readTextFiles(variant.dir),
      },
    })),
  );
}
