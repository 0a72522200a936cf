export { appRouter, createCaller } from "./root";
export type { AppRouter } from "./root";
export { createContextInner, createTRPCContext, toSessionUser } from "./trpc";
export type { Role, SessionUser } from "./trpc";
export { syncExercises } from "./services/exercise/sync-exercises";
export { defaultSubmissionLimits } from "./services/submission/grading-ports";
export { createGradingPorts } from "./services/submission/create-grading-ports";
export type { GradingPorts, SubmissionLimits } from "./services/submission/grading-ports";
