import type { AppRouter } from "@academy/api";
import type { inferRouterOutputs } from "@trpc/server";

export type QuizResult = inferRouterOutputs<AppRouter>["quiz"]["submit"];

/** A question as the quiz form receives it: prompt, code and choices already rendered on the server. */
export type RenderedQuestion = {
  id: string;
  kind: "single" | "multiple" | "true-false" | "code-output" | "status-code";
  prompt: React.ReactNode;
  code: React.ReactNode | null;
  choices: { id: string; label: React.ReactNode }[];
};
