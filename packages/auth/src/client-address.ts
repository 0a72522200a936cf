import type { IncomingMessage, ServerResponse } from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * The client address the web server vouches for. It replaces any copy the client sent, so it is the
 * only address header the rate limits read; `X-Forwarded-For` is anyone's to write.
 */
export const CLIENT_ADDRESS_HEADER = "x-academy-client-address";

/** Per client address. A school's class of 40 shares one address (NAT), so both leave it room. */
export type AddressLimits = { signInAttemptsPerMinute: number; signUpsPerTenMinutes: number };
export const DEFAULT_ADDRESS_LIMITS: AddressLimits = { signInAttemptsPerMinute: 60, signUpsPerTenMinutes: 60 };

const verifiedMarker = Symbol.for("academy.client-address-verified");

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** A dual-stack socket reports an IPv4 peer as `::ffff:a.b.c.d`; proxies write it plain. */
function toPlainAddress(address: string) {
  return IPV4_MAPPED.exec(address)?.[1] ?? address;
}

function parseProxyEntry(entry: string): { address: string; prefix?: number } | null {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return null;
  if (prefix === undefined) return { address };
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128) ? { address, prefix: bits } : null;
}

function splitList(value: string) {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Entries of a `TRUSTED_PROXY` value that are neither an IP address nor a CIDR range. */
export function findInvalidProxyEntries(value: string) {
  return splitList(value).filter((entry) => parseProxyEntry(entry) === null);
}

export type TrustedProxies = { has: (address: string) => boolean };

/** `TRUSTED_PROXY`: comma-separated addresses or CIDR ranges of the reverse proxies in front of the web app. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  for (const entry of splitList(value ?? "")) {
    const parsed = parseProxyEntry(entry);
    if (!parsed) throw new Error(`TRUSTED_PROXY: "${entry}" is not an IP address or CIDR range.`);
    const family = isIP(parsed.address) === 4 ? "ipv4" : "ipv6";
    if (parsed.prefix === undefined) list.addAddress(parsed.address, family);
    else list.addSubnet(parsed.address, parsed.prefix, family);
  }
  return {
    has: (address) => {
      const plain = toPlainAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The socket's peer, unless the peer is a trusted proxy: then `X-Forwarded-For` is walked from the
 * right (each proxy appends the address it saw) past trusted proxies to the first address that is not one.
 */
export function resolveClientAddress(peerAddress: string, forwardedFor: string | undefined, trustedProxies: TrustedProxies) {
  let client = toPlainAddress(peerAddress);
  if (!forwardedFor || !trustedProxies.has(client)) return client;
  for (const hop of splitList(forwardedFor).reverse()) {
    const address = toPlainAddress(hop);
    // Past a malformed hop nothing is vouched for: keep the nearest address that was.
    if (isIP(address) === 0) break;
    client = address;
    if (!trustedProxies.has(address)) break;
  }
  return client;
}

/** Overwrites the request's client address header with the address this server vouches for. */
export function attachClientAddress(request: IncomingMessage, trustedProxies: TrustedProxies) {
  const peerAddress = request.socket.remoteAddress;
  const forwardedFor = request.headers["x-forwarded-for"];
  if (!peerAddress) {
    delete request.headers[CLIENT_ADDRESS_HEADER];
    return;
  }
  request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(peerAddress, Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, trustedProxies);
}

type RequestListener = (request: IncomingMessage, response: ServerResponse) => unknown;

/**
 * Wraps an HTTP server's listener so every request carries a vouched-for client address, and marks
 * the process so the auth handler trusts that header (under a bare `next start` it does not).
 */
export function withClientAddress(listener: RequestListener, trustedProxies: TrustedProxies): RequestListener {
  (globalThis as Record<symbol, unknown>)[verifiedMarker] = true;
  return (request, response) => {
    attachClientAddress(request, trustedProxies);
    return listener(request, response);
  };
}

/** Whether this process serves through `withClientAddress`, so `CLIENT_ADDRESS_HEADER` cannot come from a client. */
export function isClientAddressVouchedFor() {
  return (globalThis as Record<symbol, unknown>)[verifiedMarker] === true;
}
