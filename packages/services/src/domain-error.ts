/** The kinds of refusal a service can give; each transport maps them to its own codes (the API to tRPC's). */
export type DomainErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "PRECONDITION_FAILED" | "TOO_MANY_REQUESTS";

/**
 * A request the service refuses, with a message the learner can act on: it reaches them as it
 * is. Anything else a service throws is a fault of the server, and its message stays there.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly code: DomainErrorCode;

  constructor(code: DomainErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
