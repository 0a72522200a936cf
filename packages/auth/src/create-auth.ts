import type { Db } from "@academy/db";
import { schema } from "@academy/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";

import type { AddressLimits } from "./client-address";
import { DEFAULT_ADDRESS_LIMITS } from "./client-address";
import { findPasswordWeakness, MIN_PASSWORD_LENGTH } from "./password-policy";
import { clearSignInFailures, reserveSignInAttempt } from "./sign-in-throttle";

type Plugins = NonNullable<Parameters<typeof betterAuth>[0]["plugins"]>;

/**
 * `plugins` lets the web app add its framework glue (cookies from server actions) without this package importing Next.js.
 * `clientAddressHeader` names the header a server in front sets to the client's address; without it, every
 * request counts as one address (better-auth's shared bucket), because any other header could be the client's own.
 */
export type AuthConfig = {
  db: Db;
  secret: string;
  baseUrl: string;
  plugins?: Plugins;
  addressLimits?: AddressLimits;
  clientAddressHeader?: string;
};

/** Paths whose body carries a new password: each applies the same policy as sign-up. */
const NEW_PASSWORD_FIELDS: Record<string, "password" | "newPassword"> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
};

function rejectWeakPassword(path: string, body: Record<string, unknown> | undefined) {
  const field = NEW_PASSWORD_FIELDS[path];
  if (!field) return;
  const password = body?.[field];
  const weakness = typeof password === "string" ? findPasswordWeakness(password) : "A password is required.";
  if (weakness) throw new APIError("BAD_REQUEST", { message: `Password too weak: ${weakness}` });
}

function readEmail(body: Record<string, unknown> | undefined) {
  return typeof body?.email === "string" ? body.email : null;
}

export function createAuth({ db, secret, baseUrl, plugins = [], addressLimits = DEFAULT_ADDRESS_LIMITS, clientAddressHeader }: AuthConfig) {
  return betterAuth({
    secret,
    baseURL: baseUrl,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        // Never settable by the person signing up: roles are granted by an admin or the seed.
        role: { type: "string", required: false, defaultValue: "learner", input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    advanced: {
      ipAddress: { ipAddressHeaders: clientAddressHeader ? [clientAddressHeader] : [] },
      // Behind TLS the session cookie is `Secure` (and `__Secure-` prefixed): never sent over plain HTTP.
      useSecureCookies: new URL(baseUrl).protocol === "https:",
    },
    // Per client address: slows password spraying across accounts and mass sign-ups. Guessing one
    // account's password is slowed per account (sign-in-throttle.ts), whatever address it comes from.
    rateLimit: {
      enabled: true,
      customRules: {
        "/sign-in/email": { window: 60, max: addressLimits.signInAttemptsPerMinute },
        "/sign-up/email": { window: 600, max: addressLimits.signUpsPerTenMinutes },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = ctx.body as Record<string, unknown> | undefined;
        rejectWeakPassword(ctx.path, body);
        const email = readEmail(body);
        if (ctx.path !== "/sign-in/email" || !email) return;
        const refusal = await reserveSignInAttempt(db, email);
        if (refusal) {
          throw new APIError("TOO_MANY_REQUESTS", { message: refusal.message, code: "ACCOUNT_SIGN_IN_LOCKED" }, { "Retry-After": String(refusal.retryAfterSeconds) });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const email = readEmail(ctx.body as Record<string, unknown> | undefined);
        if (ctx.path === "/sign-in/email" && email && ctx.context.newSession) await clearSignInFailures(db, email);
      }),
    },
    plugins,
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
