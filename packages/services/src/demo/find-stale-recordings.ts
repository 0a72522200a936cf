import { readdir } from "node:fs/promises";
import path from "node:path";

import { loadExercise } from "@academy/exercises";

import type { RecordedReports } from "./recorded-reports";

/**
 * The exercises whose folder is not the version the demo gradings were recorded against (changed,
 * or new since): their demo submissions are skipped until `pnpm demo:record` grades them again.
 */
export async function findStaleRecordings(recorded: RecordedReports, exercisesDir: string) {
  const folders = (await readdir(exercisesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const recordedHashes = new Map(recorded.exercises.map((e) => [e.exerciseId, e.contentHash]));
  const changed: string[] = [];
  const unrecorded: string[] = [];
  for (const folder of folders) {
    const { config, version, milestones } = await loadExercise(path.join(exercisesDir, folder));
    // A team-project template is graded per team and milestone: the solo demo history has no part of it.
    if (milestones.length > 0) continue;
    const recordedHash = recordedHashes.get(config.id);
    if (recordedHash === undefined) unrecorded.push(config.id);
    else if (recordedHash !== version) changed.push(config.id);
  }
  const exerciseIds = [...changed, ...unrecorded].sort();
  const describe = () =>
    exerciseIds.length === 0
      ? [`the demo gradings match all ${folders.length} exercises`]
      : [
          ...(changed.length > 0 ? [`changed since the demo gradings were recorded: ${changed.join(", ")}`] : []),
          ...(unrecorded.length > 0 ? [`no demo gradings recorded: ${unrecorded.join(", ")}`] : []),
          "run pnpm demo:record to grade them again (a few seconds per exercise)",
        ];
  return { exerciseIds, changed, unrecorded, describe };
}
