import { createServer } from "node:http";

import { parseTrustedProxies, withClientAddress } from "@academy/auth/client-address";
import next from "next";

import type { Env } from "../env";
import { withSecurityHeaders } from "./security-headers";

/*
 * The web process (in place of `next start`): Next.js behind a plain HTTP server, because route
 * handlers never see the socket. Each request is stamped with the client's address, taken from the
 * socket, or from X-Forwarded-For only when the socket's peer is a TRUSTED_PROXY, and every
 * response gets the security headers with a per-request CSP nonce.
 */
export async function startWebServer(env: Env, options: { appDir: string }) {
  const app = next({ dev: false, dir: options.appDir, port: env.PORT });
  // Wrapped before Next.js loads anything, so the auth handler is never built without the stamp.
  const handleRequest = withSecurityHeaders(withClientAddress(app.getRequestHandler(), parseTrustedProxies(env.TRUSTED_PROXY)), {
    isHttps: new URL(env.APP_URL).protocol === "https:",
  });
  await app.prepare();

  const server = createServer(handleRequest);
  server.listen(env.PORT, () => console.log(`[web] listening on port ${env.PORT}${env.TRUSTED_PROXY ? `, trusting X-Forwarded-For from ${env.TRUSTED_PROXY}` : ""}`));

  async function stop() {
    server.close();
    server.closeAllConnections();
    await app.close();
    process.exit(0);
  }
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}
