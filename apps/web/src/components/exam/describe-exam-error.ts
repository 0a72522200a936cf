import { TRPCClientError } from "@trpc/client";

/** A refused change (time up, submitted) is final; anything else may work on a retry. */
export function isRefusedChange(error: unknown) {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "PRECONDITION_FAILED";
}

/** A failed exam call as one sentence; the server's own messages already say what happened. */
export function describeExamError(error: unknown): string {
  if (!(error instanceof TRPCClientError) || !error.data) {
    return "The server could not be reached. Your answer is kept on this page: retry when you are back online.";
  }
  const code = (error.data as { code?: string }).code;
  if (code === "UNAUTHORIZED") return "Your session has ended. Sign in again in another tab; your answers on this page are kept.";
  if (code === "INTERNAL_SERVER_ERROR") return "The server had a problem. Your answer is kept on this page: retry in a moment.";
  return error.message;
}
