/** SQLSTATEs of a server that is shutting down, restarting or not yet accepting connections. */
const SERVER_GONE_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
const LOST_MESSAGES = /connection terminated|terminating connection|not queryable|server closed the connection/i;

/** True when an error only says the database went away (a restart or shutdown): callers reconnect, it is no bug. */
export function isConnectionLoss(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (SERVER_GONE_CODES.has(code) || SOCKET_CODES.has(code))) return true;
  return typeof message === "string" && LOST_MESSAGES.test(message);
}
