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
export type CurriculumResults = CohortOutputs["curriculumResults"];
export type ExamResults = CohortOutputs["examResults"];
export type LearnersAtRisk = CohortOutputs["learnersAtRisk"];
export type ExerciseResults = CohortOutputs["exerciseResults"];
export type LearnerActivity = CohortOutputs["learnerActivity"];
export type CohortSubmission = CohortOutputs["submission"];
