import type { Auth } from "@academy/auth";
import type { Db } from "@academy/db";
import type { ExamAttemptListener, GradingPorts, MockExamSettings } from "@academy/services";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";

import { type CallMetrics, countWhileOpen } from "./call-metrics";
import { mapDomainErrors } from "./domain-errors";

export type Role = "learner" | "instructor" | "admin";
export type SessionUser = { id: string; name: string; email: string; role: Role };

export type ContextInner = {
  db: Db;
  user: SessionUser | null;
  grading: GradingPorts | null;
  metrics?: CallMetrics;
  /** The process's one listener for exam attempts' starts and ends (live rosters); absent where nothing subscribes. */
  examAttempts?: ExamAttemptListener | null;
  /** The app's mock exam configuration (EXAM_MOCK_DURATION_MINUTES); absent: the blueprint's duration. */
  mockExam?: MockExamSettings;
};

/** The context without HTTP: tests build callers from this against a real database. */
export function createContextInner(options: ContextInner): ContextInner {
  return options;
}

export async function createTRPCContext(options: {
  db: Db;
  auth: Auth;
  headers: Headers;
  grading: GradingPorts | null;
  metrics?: CallMetrics;
  examAttempts?: ExamAttemptListener | null;
  mockExam?: MockExamSettings;
}) {
  const session = await options.auth.api.getSession({ headers: options.headers });
  const user = session ? toSessionUser(session.user) : null;
  return createContextInner({ db: options.db, user, grading: options.grading, metrics: options.metrics, examAttempts: options.examAttempts, mockExam: options.mockExam });
}

export function toSessionUser(user: { id: string; name: string; email: string; role?: unknown }): SessionUser {
  const role = user.role === "instructor" || user.role === "admin" ? user.role : "learner";
  return { id: user.id, name: user.name, email: user.email, role };
}

const t = initTRPC.context<ContextInner>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: { ...shape.data, zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Services throw DomainError and know nothing of tRPC: every procedure turns them into tRPC errors here. */
const mapServiceErrors = t.middleware(async ({ next }) => mapDomainErrors(await next()));

/**
 * Every call's latency and outcome, and its error code, as the client receives them (outside the
 * domain-error mapping); a subscription's stream is counted while it is open.
 */
const recordCallMetrics = t.middleware(async ({ ctx, path, type, next }) => {
  const { metrics } = ctx;
  if (!metrics) return next();
  const startedAt = performance.now();
  const result = await next();
  const seconds = (performance.now() - startedAt) / 1000;
  metrics.recordCall({ procedure: path, outcome: result.ok ? "ok" : "error", seconds, errorCode: result.ok ? undefined : result.error.code });
  if (result.ok && type === "subscription" && isAsyncIterable(result.data)) {
    return { ...result, data: countWhileOpen(result.data, metrics, path) };
  }
  return result;
});

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

export const publicProcedure = t.procedure.use(recordCallMetrics).use(mapServiceErrors);

const requireSignedIn = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const protectedProcedure = publicProcedure.use(requireSignedIn);

export const instructorProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "instructor" && ctx.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only instructors can open this page." });
  }
  return next({ ctx });
});

export const gradingProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.grading) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Grading is not available on this server right now." });
  return next({ ctx: { ...ctx, grading: ctx.grading } });
});
