import { appRouter, createTRPCContext } from "@academy/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { getAuth } from "~/server/auth";
import { getDb } from "~/server/db";
import { getGradingPorts } from "~/server/grading";

const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    router: appRouter,
    req: request,
    createContext: async () =>
      createTRPCContext({ db: getDb(), auth: getAuth(), headers: request.headers, grading: await getGradingPorts() }),
    onError: ({ path, error }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error);
    },
  });

export { handler as GET, handler as POST };
