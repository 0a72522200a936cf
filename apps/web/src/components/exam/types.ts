import type { AppRouter } from "@academy/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type ExamAttempt = Outputs["exam"]["getAttempt"];
export type ExamResult = Outputs["exam"]["result"];
export type ExamHistoryEntry = Outputs["exam"]["history"][number];

/** A question as the sitting receives it: prompt, code and choices already rendered on the server. */
export type SittingQuestion = {
  id: string;
  kind: ExamAttempt["questions"][number]["kind"];
  chapter: number;
  prompt: React.ReactNode;
  code: React.ReactNode | null;
  choices: { id: string; label: React.ReactNode }[];
};
export type ExamReadiness = Outputs["exam"]["readiness"];
export type PartBStatus = Outputs["exam"]["partBStatus"];
export type LearnerCohortExam = Outputs["cohortExam"]["listForLearner"][number];
