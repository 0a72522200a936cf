import type { Auth } from "@academy/auth";
import type { Db } from "@academy/db";
import type { ExamAttemptListener, GradingPorts, MockExamSettings } from "@academy/services";
import { initTRPC, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import superjson from "superjson";
import { z, ZodError } from "zod";

import { type CallMetrics, countWhileOpen } from "./call-metrics";
import { mapDomainErrors } from "./domain-errors";

export type Role = "learner" | "instructor" | "admin";
export type SessionUser = { id: string; name: string; email: string; role: Role };

/** One tRPC call as the web app logs it (one JSON line each). */
export type CallLogEntry = {
  procedure: string;
  type: "query" | "mutation" | "subscription";
  /** The HTTP status the call's result maps to (200, or its error's), and the tRPC code of an error. */
  status: number;
  code?: string;
  durationMs: number;
  requestId?: string;
  userId?: string;
};

export type ContextInner = {
  db: Db;
  user: SessionUser | null;
  grading: GradingPorts | null;
  metrics?: CallMetrics;
  /** The HTTP request's id (X-Request-Id): logged with each call and carried into a submission's grading job. */
  requestId?: string;
  /** Writes each call's log line; absent in tests that do not log. */
  logCall?: (entry: CallLogEntry) => void;
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
  requestId?: string;
  logCall?: (entry: CallLogEntry) => void;
}) {
  const session = await options.auth.api.getSession({ headers: options.headers });
  const user = session ? toSessionUser(session.user) : null;
  const { db, grading, metrics, examAttempts, mockExam, requestId, logCall } = options;
  return createContextInner({ db, user, grading, metrics, examAttempts, mockExam, requestId, logCall });
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
 * domain-error mapping), counted and logged; a subscription's stream is counted while it is open.
 */
const recordCallMetrics = t.middleware(async ({ ctx, path, type, next }) => {
  const { metrics, logCall } = ctx;
  if (!metrics && !logCall) return next();
  const startedAt = performance.now();
  const result = await next();
  const seconds = (performance.now() - startedAt) / 1000;
  const errorCode = result.ok ? undefined : result.error.code;
  logCall?.({
    procedure: path,
    type,
    status: result.ok ? 200 : getHTTPStatusCodeFromError(result.error),
    ...(errorCode ? { code: errorCode } : {}),
    durationMs: Math.round(seconds * 10_000) / 10,
    requestId: ctx.requestId,
    userId: ctx.user?.id,
  });
  if (!metrics) return result;
  metrics.recordCall({ procedure: path, outcome: result.ok ? "ok" : "error", seconds, errorCode });
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
