import "server-only";

import { appRouter, createCaller, createContextInner, toSessionUser } from "@academy/api";
import type { AppRouter, SessionUser } from "@academy/api";
import type { QueryExecuteOptions, QueryKey } from "@tanstack/react-query";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache } from "react";

import { getSession } from "~/server/auth";
import { getDb } from "~/server/db";
import { getGradingPorts } from "~/server/grading";

import { createQueryClient } from "./query-client";

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getSession();
  return session ? toSessionUser(session.user) : null;
});

const getServerContext = cache(async () => createContextInner({ db: getDb(), user: await getSessionUser(), grading: await getGradingPorts() }));

/** The tRPC router called directly from server components, for what only the server renders. */
export const getServerCaller = cache(async () => createCaller(await getServerContext()));

/** One per request: what the page reads through it is handed to the browser by <HydrateClient>. */
const getQueryClient = cache(() => createQueryClient({ isInProcess: true }));

/** Query options for the server's reads that client components below <HydrateClient> read too. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ router: appRouter, ctx: getServerContext, queryClient: getQueryClient });

/** Reads a query that client components read too, and returns its data for the server's own rendering. */
export function readForClient<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(options: QueryExecuteOptions<TQueryFnData, TError, TData, TQueryFnData, TQueryKey>) {
  return getQueryClient().query(options);
}

/** Reads a query only client components need; a failed read is not handed over, so the browser tries it itself. */
export async function prefetch<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(options: QueryExecuteOptions<TQueryFnData, TError, TData, TQueryFnData, TQueryKey>) {
  await readForClient(options).catch(() => undefined);
}

/** Puts the queries the page read into the browser's cache, so its client components do not ask again. */
export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
