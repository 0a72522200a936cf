import "server-only";

import { randomUUID } from "node:crypto";

import type { CallLogEntry } from "@academy/api";
import pino from "pino";

// The same tokens the grading job accepts (`requestIdSchema` in @academy/queue): a UUID, a hex
// trace id, nginx's $request_id; nothing with spaces, quotes or control characters.
const PLAUSIBLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id: the `X-Request-Id` a trusted proxy in front set, if it looks like an id,
 * else a fresh UUID. Only behind a TRUSTED_PROXY is the header taken: without one in front, it
 * could come from anyone.
 */
export function resolveRequestId(headers: Headers, isBehindTrustedProxy: boolean) {
  const forwarded = headers.get("x-request-id")?.trim();
  return isBehindTrustedProxy && forwarded && PLAUSIBLE_REQUEST_ID.test(forwarded) ? forwarded : randomUUID();
}

const globalForLog = globalThis as unknown as { academyWebLogger?: pino.Logger };

/** The web process's JSON logger (one per process, kept across development reloads). */
export function getWebLogger() {
  globalForLog.academyWebLogger ??= pino({ base: { service: "web", pid: process.pid } });
  return globalForLog.academyWebLogger;
}

/** One JSON line per tRPC call: procedure, status, duration, request id, and the user when signed in. */
export function logTrpcCall(entry: CallLogEntry) {
  const logger = getWebLogger();
  logger[entry.status >= 500 ? "error" : "info"]({ msg: "trpc call", ...entry });
}
