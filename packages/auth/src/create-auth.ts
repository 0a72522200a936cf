import type { Db } from "@academy/db";
import { schema } from "@academy/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";

import { findPasswordWeakness, MIN_PASSWORD_LENGTH } from "./password-policy";

type Plugins = NonNullable<Parameters<typeof betterAuth>[0]["plugins"]>;

/** `plugins` lets the web app add its framework glue (cookies from server actions) without this package importing Next.js. */
export type AuthConfig = { db: Db; secret: string; baseUrl: string; plugins?: Plugins; credentialAttemptsPerMinute?: number };

export function createAuth({ db, secret, baseUrl, plugins = [], credentialAttemptsPerMinute = 10 }: AuthConfig) {
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
    // Per client address: slows password guessing and mass sign-ups without troubling a person.
    rateLimit: {
      enabled: true,
      customRules: {
        "/sign-in/email": { window: 60, max: credentialAttemptsPerMinute },
        "/sign-up/email": { window: 60, max: credentialAttemptsPerMinute },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-up/email") return;
        const password: unknown = ctx.body?.password;
        const weakness = typeof password === "string" ? findPasswordWeakness(password) : "A password is required.";
        if (weakness) throw new APIError("BAD_REQUEST", { message: `Password too weak: ${weakness}` });
      }),
    },
    plugins,
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
