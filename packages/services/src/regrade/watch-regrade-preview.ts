import type { Db } from "@academy/db";

import type { CohortViewer } from "../cohort/cohort-access";
import { getRegradePreview, type RegradeTarget } from "./get-regrade-preview";
import type { PreviewListener } from "./preview-listener";

/**
 * The panel's view now, then again after each change of the cohort's preview of the exercise
 * (an item graded, the preview started, applied or discarded), as Postgres NOTIFY announces them.
 * Changes arriving during a read fold into one more read, so a burst of gradings costs a few
 * reads. Listening starts before the first read, so no change slips between the two; the first
 * read checks access, so a refusal comes before any stream opens.
 */
export async function watchRegradePreview(db: Db, listener: PreviewListener, input: RegradeTarget & { viewer: CohortViewer }, signal?: AbortSignal) {
  let hasChanged = false;
  let wake: (() => void) | undefined;
  const onChange = () => {
    hasChanged = true;
    wake?.();
  };
  const stopListening = listener.onChange(input, onChange);
  signal?.addEventListener("abort", onChange);
  const stop = () => {
    stopListening();
    signal?.removeEventListener("abort", onChange);
  };
  let first: Awaited<ReturnType<typeof getRegradePreview>>;
  try {
    first = await getRegradePreview(db, input);
  } catch (error) {
    stop();
    throw error;
  }
  return (async function* () {
    try {
      yield first;
      while (!signal?.aborted) {
        if (!hasChanged) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        hasChanged = false;
        yield await getRegradePreview(db, input);
      }
    } finally {
      stop();
    }
  })();
}
