import type { AppRouter } from "@academy/api";
import type { inferRouterOutputs } from "@trpc/server";

type CohortOutputs = inferRouterOutputs<AppRouter>["cohort"];

export type CohortListEntry = CohortOutputs["list"][number];
export type CohortDetail = CohortOutputs["get"];
export type Gradebook = CohortOutputs["gradebook"];
export type GradebookLearner = Gradebook["learners"][number];
export type GradebookExercise = Gradebook["exercises"][number];
export type GradebookCell = GradebookLearner["cells"][string];
export type CohortHeadlines = CohortOutputs["headlines"];
