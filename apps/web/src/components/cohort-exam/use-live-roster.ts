"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";
import { useResubscribeOnError } from "~/trpc/use-resubscribe-on-error";

/**
 * The exam's roster, kept current by the server: each start and submission arrives over the SSE
 * subscription (Postgres NOTIFY behind it) and replaces the cached roster, so no reload or polling.
 */
export function useLiveRoster(examId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rosterKey = trpc.cohortExam.roster.queryKey({ examId });
  const query = useQuery(trpc.cohortExam.roster.queryOptions({ examId }, { staleTime: Infinity }));
  const subscription = useSubscription(
    trpc.cohortExam.watchRoster.subscriptionOptions({ examId }, { onData: (roster) => queryClient.setQueryData(rosterKey, roster) }),
  );
  useResubscribeOnError(subscription);
  const { status } = subscription;
  return { roster: query.data, error: query.error, isLive: status === "pending" };
}

/**
 * The server's clock, ticking each second: the offset to this device's clock is taken from each
 * roster's `now`. Until the first tick it is the roster's own time, so the server's HTML and the
 * browser's first render agree.
 */
export function useServerNow(serverNow: Date | undefined): number {
  const [now, setNow] = useState(() => serverNow?.getTime() ?? 0);
  const offsetMs = useRef(0);
  useEffect(() => {
    if (serverNow) offsetMs.current = serverNow.getTime() - Date.now();
  }, [serverNow]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offsetMs.current), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
