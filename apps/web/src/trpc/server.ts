import "server-only";

import { createCaller, createContextInner, toSessionUser } from "@academy/api";
import type { SessionUser } from "@academy/api";
import { cache } from "react";

import { getSession } from "~/server/auth";
import { getDb } from "~/server/db";
import { getGradingPorts } from "~/server/grading";

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getSession();
  return session ? toSessionUser(session.user) : null;
});

/** The tRPC router called directly from server components, with the request's session. */
export const getServerCaller = cache(async () =>
  createCaller(createContextInner({ db: getDb(), user: await getSessionUser(), grading: await getGradingPorts() })),
);
