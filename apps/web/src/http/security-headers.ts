import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The request header the root layout reads the nonce from (the client cannot set it: it is overwritten). */
export const NONCE_HEADER = "x-nonce";

type RequestHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

/**
 * A strict policy: scripts and `<style>` elements only with this response's nonce (Next.js puts it
 * on its own scripts when it finds the policy on the request), everything else from this origin,
 * and no framing at all, so no one can frame an exam page. Style attributes (a progress bar's
 * width, highlighted code's colours) cannot carry a nonce; `style-src-attr` allows them alone.
 */
export function buildContentSecurityPolicy(nonce: string, options: { isHttps: boolean }) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Every response's security headers, for a given nonce. */
export function buildSecurityHeaders(nonce: string, options: { isHttps: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": buildContentSecurityPolicy(nonce, options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers older than `frame-ancestors`.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(options.isHttps ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * Sets the security headers on every response and hands the request on with a fresh nonce in
 * its policy header, where Next.js looks for it when it renders a page's scripts.
 */
export function withSecurityHeaders(handler: RequestHandler, options: { isHttps: boolean }): RequestHandler {
  return (request, response) => {
    const nonce = randomBytes(16).toString("base64");
    const headers = buildSecurityHeaders(nonce, options);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    request.headers["content-security-policy"] = headers["Content-Security-Policy"];
    request.headers[NONCE_HEADER] = nonce;
    return handler(request, response);
  };
}
