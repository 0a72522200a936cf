import { TRPCClientError } from "@trpc/client";

import { describeError } from "~/components/practice/describe-error";

/**
 * A failed instructor action as one sentence. The practice wording speaks of the learner's editor,
 * so the cases without a server message get their own; input errors and refusals keep the server's.
 */
export function describeActionError(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return "Something went wrong. Try again.";
  const code = (error.data as { code?: string } | undefined)?.code;
  if (!code) return "The server could not be reached. Check your connection and try again.";
  if (code === "UNAUTHORIZED") return "Your session has ended. Sign in again, then retry.";
  if (code === "INTERNAL_SERVER_ERROR") return "The server had a problem. Try again in a moment.";
  return describeError(error);
}

/** An action's failure under the control that caused it, announced to screen readers. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-rose-700">
      {describeActionError(error)}
    </p>
  );
}
