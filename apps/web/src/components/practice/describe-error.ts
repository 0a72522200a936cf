import { TRPCClientError } from "@trpc/client";

type FlatZodError = { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };

/** An API failure as one sentence the learner can act on; the server's own messages already are. */
export function describeError(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return "Something went wrong. Your code is still in the editor: try again.";
  const data = error.data as { code?: string; zodError?: FlatZodError | null } | undefined;
  const zod = data?.zodError;
  if (zod) {
    const messages = [...zod.formErrors, ...Object.values(zod.fieldErrors).flatMap((list) => list ?? [])];
    if (messages.length > 0) return [...new Set(messages)].join(" ");
  }
  if (!data) return "The server could not be reached. Check your connection; your code is still in the editor.";
  if (data.code === "UNAUTHORIZED") return "Your session has ended. Sign in again in another tab; your code stays here.";
  if (data.code === "INTERNAL_SERVER_ERROR") return "The server had a problem (not your code). Your code is still in the editor: try again.";
  return error.message;
}
