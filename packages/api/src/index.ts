export { appRouter, createCaller } from "./root";
export type { AppRouter } from "./root";
export { createContextInner, createTRPCContext, toSessionUser } from "./trpc";
export type { Role, SessionUser } from "./trpc";
