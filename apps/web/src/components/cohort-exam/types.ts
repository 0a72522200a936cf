import type { AppRouter } from "@academy/api";
import type { inferRouterOutputs } from "@trpc/server";

type CohortExamOutputs = inferRouterOutputs<AppRouter>["cohortExam"];

export type CohortExamRoster = CohortExamOutputs["roster"];
export type RosterLearner = CohortExamRoster["learners"][number];
