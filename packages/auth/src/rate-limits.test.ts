import { request } from "node:http";
import type { Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { createTestDb } from "@academy/db/testing";
import { toNodeHandler } from "better-auth/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AddressLimits } from "./client-address";
import { CLIENT_ADDRESS_HEADER, DEFAULT_ADDRESS_LIMITS, parseTrustedProxies, withClientAddress } from "./client-address";
import { createAuth } from "./create-auth";
import { FREE_SIGN_IN_FAILURES } from "./sign-in-throttle";

type Reply = { status: number; message: string | undefined; retryAfter: string | undefined };

/*
 * Real HTTP through the same listener wrapper as the web server, so the socket's peer is real. Each
 * test speaks from its own loopback address (127.0.0.x), because better-auth keeps its per-address
 * counters in one map per process.
 */
describe("sign-in and sign-up limits over HTTP", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  const servers: Server[] = [];
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await testDb.close();
  });

  async function serve({ trustedProxy, addressLimits = DEFAULT_ADDRESS_LIMITS }: { trustedProxy?: string; addressLimits?: AddressLimits }) {
    const auth = createAuth({ db: testDb.db, secret: "test-secret-that-is-long-enough-1234", baseUrl: "http://localhost:3000", addressLimits, clientAddressHeader: CLIENT_ADDRESS_HEADER });
    const server = createServer(withClientAddress(toNodeHandler(auth), parseTrustedProxies(trustedProxy)));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    return (path: string, body: unknown, { from, headers = {} }: { from: string; headers?: Record<string, string> }) =>
      new Promise<Reply>((resolve, reject) => {
        const payload = JSON.stringify(body);
        const outgoing = request(
          { host: "127.0.0.1", port, localAddress: from, method: "POST", path: `/api/auth${path}`, headers: { "content-type": "application/json", origin: "http://localhost:3000", ...headers } },
          (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => (text += chunk));
            response.on("end", () => {
              const parsed = text ? (JSON.parse(text) as { message?: string }) : {};
              resolve({ status: response.statusCode ?? 0, message: parsed.message, retryAfter: response.headers["retry-after"] as string | undefined });
            });
          },
        );
        outgoing.on("error", reject);
        outgoing.end(payload);
      });
  }

  const forged = (i: number) => ({ "x-forwarded-for": `198.51.100.${i}`, [CLIENT_ADDRESS_HEADER]: `203.0.113.${i}` });

  it.each([
    ["without TRUSTED_PROXY (one peer)", undefined, "127.0.0.11"],
    ["with TRUSTED_PROXY (30 addresses honoured)", "127.0.0.12", "127.0.0.12"],
  ])("throttles 30 failed sign-ins for one account from 30 forged addresses, %s", async (_label, trustedProxy, from) => {
    const post = await serve({ trustedProxy });
    const email = `target-${from}@example.test`;
    expect((await post("/sign-up/email", { email, password: "correct-horse-42", name: "Target" }, { from })).status).toBe(200);

    const replies: Reply[] = [];
    for (let i = 1; i <= 30; i++) replies.push(await post("/sign-in/email", { email, password: `wrong-horse-${i}` }, { from, headers: forged(i) }));
    expect(replies.slice(0, FREE_SIGN_IN_FAILURES).map((reply) => reply.status)).toEqual(Array(FREE_SIGN_IN_FAILURES).fill(401));
    for (const reply of replies.slice(FREE_SIGN_IN_FAILURES)) {
      expect(reply.status).toBe(429);
      expect(reply.message).toBe("Too many failed sign-ins for this account. Try again in 1 minute.");
      expect(Number(reply.retryAfter)).toBeGreaterThan(0);
    }
    // While the account waits, even the right password is not checked.
    const rightPassword = await post("/sign-in/email", { email: email.toUpperCase(), password: "correct-horse-42" }, { from, headers: forged(31) });
    expect(rightPassword.status).toBe(429);
  });

  it("ignores forged forwarded headers without TRUSTED_PROXY: all attempts count against the peer", async () => {
    const post = await serve({ addressLimits: { signInAttemptsPerMinute: 3, signUpsPerTenMinutes: 3 } });
    const statuses = [];
    for (let i = 1; i <= 4; i++) statuses.push((await post("/sign-in/email", { email: `nobody-${i}@example.test`, password: "wrong-horse-42" }, { from: "127.0.0.13", headers: forged(i) })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("honours X-Forwarded-For from a TRUSTED_PROXY, taking the address the proxy appended", async () => {
    const post = await serve({ trustedProxy: "127.0.0.14", addressLimits: { signInAttemptsPerMinute: 3, signUpsPerTenMinutes: 3 } });
    const attempt = (i: number, forwardedFor: string) =>
      post("/sign-in/email", { email: `someone-${i}@example.test`, password: "wrong-horse-42" }, { from: "127.0.0.14", headers: { "x-forwarded-for": forwardedFor } });

    const distinct = [];
    for (let i = 1; i <= 4; i++) distinct.push((await attempt(i, `192.0.2.${i}`)).status);
    expect(distinct).toEqual([401, 401, 401, 401]);

    const same = [];
    for (let i = 5; i <= 7; i++) same.push((await attempt(i, "192.0.2.200")).status);
    expect(same).toEqual([401, 401, 401]);
    // A client-written address in front of the proxy's own entry changes nothing.
    const spoofed = await attempt(8, "192.0.2.99, 192.0.2.200");
    expect(spoofed.status).toBe(429);
    expect(spoofed.message).toMatch(/too many requests/i);
  });

  it(
    "lets a class of 40 sign up and sign in from one address, and holds sign-ups at the documented 60 per 10 minutes",
    async () => {
      const post = await serve({});
      const from = "127.0.0.15";
      const learners = Array.from({ length: DEFAULT_ADDRESS_LIMITS.signUpsPerTenMinutes + 1 }, (_, i) => ({ email: `class-${i}@example.test`, password: `learner-pass-${i}-42`, name: `Learner ${i}` }));
      const signUps = [];
      for (const learner of learners) signUps.push((await post("/sign-up/email", learner, { from })).status);
      expect(signUps.slice(0, 40)).toEqual(Array(40).fill(200));
      expect(signUps.slice(40, DEFAULT_ADDRESS_LIMITS.signUpsPerTenMinutes)).toEqual(Array(DEFAULT_ADDRESS_LIMITS.signUpsPerTenMinutes - 40).fill(200));
      expect(signUps.at(-1)).toBe(429);

      const signIns = [];
      for (const learner of learners.slice(0, 40)) signIns.push((await post("/sign-in/email", { email: learner.email, password: learner.password }, { from })).status);
      expect(signIns).toEqual(Array(40).fill(200));
    },
    240_000,
  );
});
