"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * Time left until the server's deadline, counted on the server's clock: the offset between the
 * server's time (sent with the attempt) and this device's is measured when the attempt arrives,
 * so a device whose clock is wrong still counts down to the same moment.
 */
export function useCountdown(deadlineAt: Date, serverNow: Date) {
  const [remainingMs, setRemainingMs] = useState(() => deadlineAt.getTime() - serverNow.getTime());
  const [offsetMs, setOffsetMs] = useState(0);
  useEffect(() => {
    const offset = serverNow.getTime() - Date.now();
    setOffsetMs(offset);
    const tick = () => setRemainingMs(deadlineAt.getTime() - (Date.now() + offset));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadlineAt, serverNow]);
  const readServerNow = useCallback(() => Date.now() + offsetMs, [offsetMs]);
  return { remainingMs: Math.max(0, remainingMs), isTimeUp: remainingMs <= 0, serverNow: readServerNow };
}
