"use client";

import { useEffect } from "react";

// A subscription that failed (the server lost its database for a moment) is opened again after this.
const RESUBSCRIBE_AFTER_ERROR_MS = 5_000;

/** Opens a failed subscription again after a pause, unless it is no longer wanted. */
export function useResubscribeOnError(subscription: { status: string; reset: () => void }, isWanted = true) {
  const { status, reset } = subscription;
  useEffect(() => {
    if (status !== "error" || !isWanted) return;
    const timer = setTimeout(reset, RESUBSCRIBE_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [status, isWanted, reset]);
}
