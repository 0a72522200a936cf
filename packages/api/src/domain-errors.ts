import type { DomainErrorCode } from "@academy/services";
import { DomainError } from "@academy/services";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { TRPCError } from "@trpc/server";

const trpcCodeOf: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/** A service's refusal as the tRPC error the browser reads; any other error is left for tRPC to report as a fault. */
export function toTRPCError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return new TRPCError({ code: trpcCodeOf[error.code], message: error.message, cause: error });
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> => typeof value === "object" && value !== null && Symbol.asyncIterator in value;

/** A subscription refuses while it runs (its first read of the row), after the procedure has returned. */
async function* mapIterationErrors<T>(values: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* values;
  } catch (error) {
    throw toTRPCError(error);
  }
}

/** A procedure's result with its domain errors, and those of the values a subscription yields, mapped. */
export function mapDomainErrors<Result extends { ok: boolean; error?: unknown; data?: unknown }>(result: Result): Result {
  if (!result.ok) {
    const cause = (result.error as TRPCError).cause;
    if (cause instanceof DomainError) throw toTRPCError(cause);
    return result;
  }
  return isAsyncIterable(result.data) ? { ...result, data: mapIterationErrors(result.data) } : result;
}
