import { describe, expect, it } from "vitest";

import { findInvalidProxyEntries, parseTrustedProxies, resolveClientAddress } from "./client-address";

describe("the client address a request counts against", () => {
  const none = parseTrustedProxies(undefined);
  const proxy = parseTrustedProxies("10.0.0.5, 2001:db8::/64");

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress("192.0.2.10", "203.0.113.7", none)).toBe("192.0.2.10");
    expect(resolveClientAddress("::ffff:192.0.2.10", "203.0.113.7, 10.0.0.5", none)).toBe("192.0.2.10");
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(resolveClientAddress("192.0.2.10", "203.0.113.7", proxy)).toBe("192.0.2.10");
  });

  it("is the address a trusted proxy appended, not what the client wrote before it", () => {
    expect(resolveClientAddress("10.0.0.5", "203.0.113.7", proxy)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:10.0.0.5", "198.51.100.1, 203.0.113.7", proxy)).toBe("203.0.113.7");
  });

  it("walks past a chain of trusted proxies", () => {
    expect(resolveClientAddress("10.0.0.5", "198.51.100.1, 203.0.113.7, 2001:db8::9", proxy)).toBe("203.0.113.7");
  });

  it("stops at a malformed hop and keeps the nearest address it can vouch for", () => {
    expect(resolveClientAddress("10.0.0.5", "203.0.113.7, not-an-address", proxy)).toBe("10.0.0.5");
    expect(resolveClientAddress("10.0.0.5", undefined, proxy)).toBe("10.0.0.5");
  });

  it("accepts addresses and CIDR ranges, and names the entries it cannot read", () => {
    expect(findInvalidProxyEntries("127.0.0.1, 10.0.0.0/8, ::1, fd00::/8")).toEqual([]);
    expect(findInvalidProxyEntries("10.0.0.0/33, proxy.local, 10.0.0.1/8/2, ::1/129, 10.0.0.0/x")).toEqual(["10.0.0.0/33", "proxy.local", "10.0.0.1/8/2", "::1/129", "10.0.0.0/x"]);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/proxy\.local/);
  });

  it("matches ranges and single addresses", () => {
    const ranges = parseTrustedProxies("10.0.0.0/24");
    expect(ranges.has("10.0.0.200")).toBe(true);
    expect(ranges.has("::ffff:10.0.0.200")).toBe(true);
    expect(ranges.has("10.0.1.1")).toBe(false);
    expect(ranges.has("garbage")).toBe(false);
  });
});
