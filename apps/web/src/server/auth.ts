import { createAuth } from "@academy/auth";
import type { Auth } from "@academy/auth";
import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { cache } from "react";

import { getEnv } from "~/env";

import { getDb } from "./db";

const globalForAuth = globalThis as unknown as { academyAuth?: Auth };

export function getAuth(): Auth {
  const env = getEnv();
  globalForAuth.academyAuth ??= createAuth({
    db: getDb(),
    secret: env.BETTER_AUTH_SECRET,
    baseUrl: env.APP_URL,
    plugins: [nextCookies()],
    credentialAttemptsPerMinute: env.AUTH_ATTEMPTS_PER_MINUTE,
  });
  return globalForAuth.academyAuth;
}

export const getSession = cache(async () => {
  const requestHeaders = await headers();
  return getAuth().api.getSession({ headers: requestHeaders });
});
