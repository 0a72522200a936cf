/**
 * Change notices from a process-wide listener, folded for one reader: however many arrive while
 * the reader is busy, the next wait returns once, so a burst costs a few reads and none is missed.
 * Subscribe before the first read, so no change slips between the two.
 */
export function listenForChanges(subscribe: (onChange: () => void) => () => void, signal?: AbortSignal) {
  let hasChanged = false;
  let wake: (() => void) | undefined;
  const onChange = () => {
    hasChanged = true;
    wake?.();
  };
  const unsubscribe = subscribe(onChange);
  signal?.addEventListener("abort", onChange);
  return {
    /** Waits for a change since the last call; false once the signal aborted (the reader should stop). */
    nextChange: async () => {
      while (!hasChanged) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      hasChanged = false;
      return !signal?.aborted;
    },
    stop: () => {
      unsubscribe();
      signal?.removeEventListener("abort", onChange);
    },
  };
}
