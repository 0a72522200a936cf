import type { Db } from "@academy/db";

import type { CohortViewer } from "../cohort/cohort-access";
import { listenForChanges } from "../live/listen-for-changes";
import { getRegradePreview, type RegradeTarget } from "./get-regrade-preview";
import type { PreviewListener } from "./preview-listener";

/**
 * The panel's view now, then again after each change of the cohort's preview of the exercise
 * (an item graded, the preview started, applied or discarded), as Postgres NOTIFY announces them.
 * The first read checks access, so a refusal comes before any stream opens.
 */
export async function watchRegradePreview(db: Db, listener: PreviewListener, input: RegradeTarget & { viewer: CohortViewer }, signal?: AbortSignal) {
  const changes = listenForChanges((onChange) => listener.onChange(input, onChange), signal);
  let first: Awaited<ReturnType<typeof getRegradePreview>>;
  try {
    first = await getRegradePreview(db, input);
  } catch (error) {
    changes.stop();
    throw error;
  }
  return (async function* () {
    try {
      yield first;
      while (await changes.nextChange()) yield await getRegradePreview(db, input);
    } finally {
      changes.stop();
    }
  })();
}
