import { CLIENT_ADDRESS_HEADER, createAuth, isClientAddressVouchedFor } from "@academy/auth";
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
    addressLimits: { signInAttemptsPerMinute: env.AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE, signUpsPerTenMinutes: env.AUTH_SIGN_UPS_PER_10_MINUTES },
    // Served by a bare `next start` or `next dev`, the header could be the client's own: then every
    // request counts as one address, and only the per-account limit tells accounts apart.
    clientAddressHeader: isClientAddressVouchedFor() ? CLIENT_ADDRESS_HEADER : undefined,
  });
  return globalForAuth.academyAuth;
}

export const getSession = cache(async () => {
  const requestHeaders = await headers();
  return getAuth().api.getSession({ headers: requestHeaders });
});
