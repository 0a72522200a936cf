import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/**
 * `isInProcess`: the server's client, which calls procedures directly; a failed call would only
 * fail again, later (a missing exercise would wait for the retries before its 404).
 */
export function createQueryClient({ isInProcess = false } = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30 * 1000, retry: isInProcess ? false : (count, error) => count < 2 && !isAuthError(error) },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}

function isAuthError(error: unknown) {
  const code = (error as { data?: { code?: string } } | null)?.data?.code;
  return code === "UNAUTHORIZED" || code === "FORBIDDEN" || code === "BAD_REQUEST" || code === "NOT_FOUND";
}
