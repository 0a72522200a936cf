import { createHash, timingSafeEqual } from "node:crypto";

import { CLIENT_ADDRESS_HEADER, isClientAddressVouchedFor } from "@academy/auth";

const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * A scrape from this host (the client address the server itself resolved, never a client's
 * header) or bearing the configured token. Under `next dev` only the token lets one in.
 */
export function isMetricsScrapeAllowed(headers: Headers, token: string | undefined) {
  const bearer = headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1];
  if (token && bearer && isSameSecret(bearer, token)) return true;
  const address = headers.get(CLIENT_ADDRESS_HEADER);
  return isClientAddressVouchedFor() && address !== null && LOOPBACK_ADDRESSES.has(address);
}

/** Compared as digests, so neither the time taken nor a length mismatch tells anything. */
function isSameSecret(given: string, expected: string) {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
