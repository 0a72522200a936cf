import { createServer } from "node:http";
import path from "node:path";

import { parseTrustedProxies, withClientAddress } from "@academy/auth/client-address";
import next from "next";

import { getEnv } from "./env";

/*
 * The web process (in place of `next start`): Next.js behind a plain HTTP server, because route
 * handlers never see the socket. Each request is stamped with the client's address, taken from the
 * socket, or from X-Forwarded-For only when the socket's peer is a TRUSTED_PROXY.
 */
const env = getEnv();
const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), port: env.PORT });
// Wrapped before Next.js loads anything, so the auth handler is never built without the stamp.
const handleRequest = withClientAddress(app.getRequestHandler(), parseTrustedProxies(env.TRUSTED_PROXY));
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
