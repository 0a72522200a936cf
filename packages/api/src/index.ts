export { appRouter, createCaller } from "./root";
export { handleTrpcRequest } from "./http/handle-trpc-request";
export type { TrpcRequestOptions } from "./http/handle-trpc-request";
export type { AppRouter } from "./root";
export { createContextInner, createTRPCContext, toSessionUser } from "./trpc";
export type { CallLogEntry, Role, SessionUser } from "./trpc";
export type { CallMetrics } from "./call-metrics";
