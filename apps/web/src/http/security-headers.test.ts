import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { buildContentSecurityPolicy, NONCE_HEADER, withSecurityHeaders } from "./security-headers";

describe("security headers", () => {
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(() => Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))));

  /** A real HTTP server behind the wrapper; the handler echoes what it was handed. */
  async function serve(isHttps: boolean) {
    const server = createServer(
      withSecurityHeaders(
        (request, response) => {
          response.setHeader("content-type", "application/json");
          response.end(JSON.stringify({ nonce: request.headers[NONCE_HEADER], policy: request.headers["content-security-policy"] }));
        },
        { isHttps },
      ),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("sets a nonce-based policy, frame protection, nosniff and a referrer policy, with a fresh nonce per request", async () => {
    const url = await serve(false);
    const first = await fetch(url, { headers: { [NONCE_HEADER]: "chosen-by-the-client", "content-security-policy": "script-src *" } });
    const second = await fetch(url);
    const handed = (await first.json()) as { nonce: string; policy: string };
    const policy = first.headers.get("content-security-policy")!;

    expect(handed.nonce).not.toBe("chosen-by-the-client");
    expect(handed.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(handed.policy).toBe(policy);
    expect(policy).toContain(`script-src 'self' 'nonce-${handed.nonce}' 'strict-dynamic'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS and upgrades requests only when the app is served over https", async () => {
    const response = await fetch(await serve(true));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(buildContentSecurityPolicy("n", { isHttps: false })).not.toContain("upgrade-insecure-requests");
  });
});
